"""articles.ingest.paragraphs: the paragraph convention of a plain-text file, our own examples."""

from pathlib import Path

import pytest

from articles.ingest.paragraphs import logical_lines, split_lines

ROOT = Path(__file__).resolve().parents[2]
ONE = (
    "Bus drivers in the capital stopped work at dawn on Monday over unpaid overtime, leaving "
    "commuters to crowd into shared taxis and onto the few trains still running."
)
TWO = (
    "The transport authority said it had offered to pay half of what was owed before the end "
    "of the month, and that talks with the well-known union leader would resume on Friday."
)
THREE = "Drivers said they would stay out until every shift was paid."


def wrap(paragraph, width=64, indent=""):
    """Greedy wrapping, as an editor does it."""
    lines, line = [], indent
    for word in paragraph.split():
        if line.strip() and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line.strip() else line + word
    return lines + [line]


def test_blank_line_separated_wrapped_text_is_rejoined():
    text = "\n\n".join("\n".join(wrap(p)) for p in (ONE, TWO, THREE)) + "\n"
    assert logical_lines(text) == [ONE, TWO, THREE]


def test_indented_first_lines_without_blank_lines():
    text = "\n".join(line for p in (ONE, TWO, THREE) for line in wrap(p, indent="    "))
    assert logical_lines(text) == [ONE, TWO, THREE]


def test_tab_indent_and_crlf():
    text = "\r\n".join(line for p in (ONE, TWO, THREE) for line in wrap(p, 70, "\t"))
    assert logical_lines(text) == [ONE, TWO, THREE]


def test_mixed_blank_line_and_indent_with_mixed_line_ends():
    first = "\r\n".join(wrap(ONE))
    rest = "\n".join(line for p in (TWO, THREE) for line in wrap(p, indent="  "))
    assert logical_lines(first + "\r\n\r\n" + rest) == [ONE, TWO, THREE]


def test_old_mac_cr_line_ends_and_blank_lines_of_spaces():
    text = "\r   \r".join("\r".join(wrap(p)) for p in (ONE, TWO, THREE))
    assert logical_lines(text) == [ONE, TWO, THREE]


def test_format_flowed_trailing_spaces():
    text = "\n\n".join(" \n".join(wrap(p)) for p in (ONE, TWO, THREE))
    assert logical_lines(text) == [ONE, TWO, THREE]


def test_header_block_and_title_line_stay_their_own_lines():
    body = "\n\n".join("\n".join(wrap(p)) for p in (ONE, TWO))
    header = "Headline: Bus drivers strike\nDate: 2021-05-13\nSource: City Desk\n\n"
    assert logical_lines(header + body) == [
        "Headline: Bus drivers strike",
        "Date: 2021-05-13",
        "Source: City Desk",
        "",
        ONE,
        TWO,
    ]
    assert logical_lines("Bus drivers strike\n\n" + body) == ["Bus drivers strike", ONE, TWO]
    assert logical_lines("By Nadia Rahimi\n\n" + body)[0] == "By Nadia Rahimi"


def test_hyphen_at_a_line_end_is_kept_and_not_spaced():
    text = "A strike called by a well-\nknown leader who has led\nmany such walk-\nouts before.\n"
    assert logical_lines(text) == [
        "A strike called by a well-known leader who has led many such walk-outs before."
    ]


def test_no_separators_short_last_lines_end_paragraphs():
    text = "\n".join(wrap(ONE) + wrap(TWO) + wrap(THREE))
    assert logical_lines(text) == [ONE, TWO, THREE]


def test_one_paragraph_per_line_comes_back_unchanged():
    text = (
        "Bus drivers strike in the capital\n"
        f"{ONE}\n{TWO}\nPhoto: AP\n"
        "A cut-off teaser line that is long and stops in the middle of a sentence because the page "
        "only showed the first part of the story and the rest was behind a link that\n"
        f"{THREE}\n"
    )
    assert logical_lines(text) == split_lines(text)


def test_short_seed_style_lines_are_not_rejoined():
    text = "Buses stop\nDrivers walked out on Monday.\nTalks resume on Friday.\nPhoto: AP\n"
    assert logical_lines(text) == split_lines(text)


# The gold sets' hard-wrapped stories: lines broken at 70 columns, blank lines between
# paragraphs (the sets' README.md files).
HARD_WRAPPED = [
    ROOT / "tests" / "data" / "extraction" / name
    for name in (
        "fresh/19_singapore-trade-fraud.txt",
        "fresh/20_leiden-exoplanet-water.txt",
        "fresh/21_lampedusa-crossings.txt",
        "unseen18/21_kyrgyz-kambarata-dam.txt",
        "unseen18/22_chile-lithium-venture.txt",
        "dev19/07_poland-defence-vote.txt",
        "dev19/19_matarbari-dredging-contract.txt",
        "dev20/04_rotherham-by-election.txt",
        "dev20/26_manganese-deal-lawyers.txt",
        "unseen19/13_australia-cocaine-ship.txt",
        "unseen19/22_tuvalu-climate-visa.txt",
        "unseen20/13_uk-water-executives-appeal.txt",
        "unseen20/21_korea-busan-film-prize.txt",
        "dev28/04_leeds-bin-strike.txt",
        "dev28/10_soweto-by-election.txt",
        "dev28/16_canada-post-talks.txt",
        "dev28/21_kalimantan-palm-permits.txt",
        "dev28/26_argentina-inflation.txt",
        "unseen28/04_bengaluru-civic-polls.txt",
        "unseen28/10_halifax-port-strike.txt",
        "unseen28/16_morowali-nickel-pollution.txt",
        "unseen28/23_pozzallo-rescue-ship.txt",
        "dev29/03_bogota-fares.txt",
        "dev29/08_ghana-cocoa.txt",
        "dev29/13_berlin-hospital-strike.txt",
        "dev29/18_nz-poll.txt",
        "dev29/23_manila-subway.txt",
        "unseen29/03_korea-shipyards.txt",
        "unseen29/08_poland-border-asylum.txt",
        "unseen29/13_bc-lumber-duties.txt",
        "unseen29/18_barcelona-cruise-tax.txt",
        "unseen30/03_dhaka-garment-wages.txt",
        "unseen30/08_chile-lithium-pact.txt",
        "unseen30/13_supermarket-discounts-case.txt",
        "unseen30/18_kessler-job-cuts.txt",
        "dev31/03_madrid-rail-kickbacks-trial.txt",
        "dev31/08_brazil-tailings-dam-ruling.txt",
        "dev31/13_pacific-tuna-deal.txt",
        "dev31/18_sri-lanka-provincial-polls.txt",
        "unseen31/03_poland-mortgage-ruling.txt",
        "unseen31/08_bulgaria-coalition-talks.txt",
        "unseen31/13_seoul-brokerage-fraud.txt",
        "unseen31/18_czech-farm-protest.txt",
        "dev32/03_kazakhstan-spectrum-auction.txt",
        "dev32/08_bosnia-hydro-trial.txt",
        "dev32/13_poland-drone-audit.txt",
        "dev32/18_japan-lunar-ice.txt",
        "unseen32/03_nordhav-war-risk-insurer.txt",
        "unseen32/08_typhoon-marisol.txt",
        "unseen32/13_irish-nurses-action.txt",
        "unseen32/18_penang-chip-plant.txt",
        "dev33/03_norway-mackerel-trawler.txt",
        "dev33/08_brazil-amazon-drilling-leak.txt",
        "dev33/13_turkey-fenerbahce-naming-rights.txt",
        "dev33/18_sweden-lindholmen-network.txt",
        "dev34/03_cusco-mine-blockade.txt",
        "dev34/08_reykjanes-eruption-flights.txt",
        "dev34/13_botswana-court-kalahari.txt",
        "dev34/18_sas-cabin-crew-court.txt",
        "unseen34/03_port-klang-graft-trial.txt",
        "unseen34/08_vietnam-dengue-vaccine.txt",
        "unseen34/13_abidjan-terminal-concession.txt",
        "unseen34/18_dakar-rts-strike.txt",
        "dev35/03_istanbul-fertiliser-trial.txt",
        "dev35/08_amman-solar-desalination.txt",
        "dev35/13_lesbos-migrant-arrivals.txt",
        "dev35/18_kirkuk-drone-attack.txt",
        "unseen35/03_bangladesh-microlender-arrears.txt",
        "unseen35/08_sri-lanka-telecom-breach.txt",
        "unseen35/13_tanzania-weekly-suspended.txt",
        "unseen35/18_nz-election-deepfakes.txt",
    )
]


@pytest.mark.parametrize(
    "path",
    sorted(
        [
            *ROOT.glob("seeds/*.txt"),
            *(p for p in ROOT.glob("tests/data/extraction/**/*.txt") if p not in HARD_WRAPPED),
            *ROOT.glob("tests/data/parsing/teaser_*.txt"),
        ]
    ),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_seed_format_files_come_back_line_for_line(path):
    text = path.read_text(encoding="utf-8")
    assert logical_lines(text) == split_lines(text)


@pytest.mark.parametrize("path", HARD_WRAPPED, ids=lambda p: p.name)
def test_hard_wrapped_gold_stories_come_back_a_paragraph_a_line(path):
    text = path.read_text(encoding="utf-8")
    paragraphs = [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]
    assert [" ".join(line.split()) for line in logical_lines(text)] == paragraphs


@pytest.mark.parametrize("text", ["", "\n", "   \n\t\n", "one line", "\r\r\n"])
def test_degenerate_input(text):
    assert logical_lines(text) == split_lines(text)
