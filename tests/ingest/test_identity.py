"""Story identity: versions of one story match, stories that only share an opening do not."""

from articles.ingest.identity import anchors, same_story, story_words, variants

STORY = (
    "Fishermen on the northern coast stayed in port for a fourth day on Thursday as a storm "
    "pushed waves of up to six metres against the harbour walls, and the coastguard said it "
    "had rescued two crews whose boats lost power near the islands. The regional council "
    "opened a school gym for families whose homes were flooded, and said the road to the "
    "airport would stay closed until engineers had checked a bridge. Forecasters expect the "
    "wind to ease on Saturday, but warned that high tides could bring more flooding."
)


def test_a_corrected_word_in_the_opening_is_the_same_story():
    corrected = STORY.replace("Fishermen on the northern", "Fishermen on the nothern")
    assert same_story(variants("", STORY), variants("", corrected))
    assert set(anchors(story_words(STORY))) & set(anchors(story_words(corrected)))


def test_a_teaser_cut_early_is_the_same_story_as_its_full_text():
    teaser = " ".join(STORY.split()[:14])
    assert same_story(variants("", teaser), variants("", STORY), partial=True)
    assert not same_story(variants("", teaser), variants("", STORY))  # not as a full story
    assert anchors(story_words(teaser))[0] == anchors(story_words(STORY))[0]


def test_stories_that_share_only_a_boilerplate_opening_are_two():
    boilerplate = (
        "This report is part of a weekly series on the coast, written with readers' help and "
        "published every Friday morning. "
    )
    one = boilerplate + STORY
    other = boilerplate + (
        "A new ferry between the two largest islands made its first crossing on Wednesday, "
        "cutting the journey to forty minutes, and the operator said tickets for the summer "
        "were already half sold. Residents had campaigned for the route for a decade, and the "
        "mayor called it the most important change to island life since the airport opened."
    )
    assert not same_story(variants("", one), variants("", other))
    assert anchors(story_words(one))[:2] == anchors(story_words(other))[:2]  # found as candidates


def test_case_accents_and_punctuation_do_not_make_a_new_story():
    assert story_words("José said: “Yes.”") == story_words("JOSE SAID yes")
