"""The admin login limit (newsarchive/login_throttle.py), issue 17 item 7.

Before: 60 parallel wrong attempts got 13 passwords checked against a limit of 10 (the count was a
cache list, read then written), and 10 failures for a username locked its owner out from every
address. Now every attempt is reserved by one atomic UPDATE ... RETURNING before any password is
checked, and the keys are the address and the (address, username) pair.
"""

import threading

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.urls import reverse

from articles.models import LoginAttempts
from newsarchive import login_throttle

LIMIT = 5
PASSWORD = "the-right-password-123"


@pytest.fixture
def limit(settings):
    settings.LOGIN_THROTTLE_LIMIT = LIMIT
    settings.LOGIN_THROTTLE_WINDOW = 900
    return LIMIT


@pytest.fixture
def boss(db, limit):
    return User.objects.create_superuser("boss", password=PASSWORD)


def login(client, password, username="boss", address="127.0.0.1"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db(transaction=True)
def test_parallel_attempts_check_at_most_the_limit(limit):
    """30 threads, each with its own database connection, reserve an attempt at the same moment:
    at most LIMIT may go on to check a password, and every attempt is counted exactly once.

    (Fewer than LIMIT may pass: a thread early on the address key can be late on the pair key.)
    """
    threads, allowed, errors = 30, [], []
    barrier = threading.Barrier(threads)

    def attempt():
        try:
            barrier.wait()
            if login_throttle.reserve_attempt("10.9.9.9", "boss") == 0:
                allowed.append(1)  # the password would be checked here
        except Exception as exc:  # noqa: BLE001 - reported below with the test's failure
            errors.append(repr(exc))
        finally:
            connection.close()

    workers = [threading.Thread(target=attempt) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert len(allowed) <= LIMIT
    counts = dict(LoginAttempts.objects.values_list("key", "count"))
    assert sorted(counts.values()) == [threads, threads]  # the address, and the pair


def test_attempts_are_counted_before_the_password_is_checked(client, boss):
    checked = []
    from django.contrib.auth.signals import user_login_failed

    def count(**kwargs):
        checked.append(1)

    user_login_failed.connect(count)
    try:
        statuses = [login(client, "wrong").status_code for _ in range(LIMIT + 5)]
    finally:
        user_login_failed.disconnect(count)
    assert statuses == [200] * LIMIT + [429] * 5
    assert len(checked) == LIMIT


def test_the_attacking_address_gets_429_with_retry_after(client, boss):
    for _ in range(LIMIT):
        login(client, "wrong", address="10.2.2.2")
    refused = login(client, PASSWORD, address="10.2.2.2")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 900


def test_nobody_can_lock_the_owner_out_from_elsewhere(client, boss):
    for i in range(20):
        login(client, "wrong", address=f"10.3.3.{i % 4}")  # four addresses, all over the limit
    assert login(client, PASSWORD, address="10.3.3.200").status_code == 302


def test_the_pair_stays_counted_when_another_user_signs_in_from_the_address(client, boss):
    User.objects.create_superuser("colleague", password=PASSWORD)
    for _ in range(LIMIT - 1):
        login(client, "wrong", address="10.4.4.4")
    assert login(client, PASSWORD, username="colleague", address="10.4.4.4").status_code == 302
    client.logout()
    assert login(client, "wrong", address="10.4.4.4").status_code == 200  # the pair's 5th
    assert login(client, PASSWORD, address="10.4.4.4").status_code == 429  # the pair's 6th
    assert login(client, PASSWORD, username="colleague", address="10.4.4.4").status_code == 302


def test_a_window_that_has_passed_starts_again(boss):
    first, _ = login_throttle.reserve("k", now=1000.0)
    for _ in range(LIMIT + 3):
        count, _ = login_throttle.reserve("k", now=1001.0)
    assert (first, count) == (1, LIMIT + 4)
    assert login_throttle.reserve("k", now=1000.0 + 901) == (1, 1901.0)


def test_a_success_clears_the_counts(client, boss):
    for _ in range(LIMIT - 1):
        login(client, "wrong")
    assert login(client, PASSWORD).status_code == 302
    assert not LoginAttempts.objects.exists()


def test_a_foreign_next_lands_on_a_real_page(client, boss):
    response = client.post(
        reverse("admin:login"),
        {"username": "boss", "password": PASSWORD, "next": "https://evil.example/"},
        REMOTE_ADDR="10.5.5.5",
        follow=True,
    )
    assert response.status_code == 200
    assert all("evil.example" not in url for url, _ in response.redirect_chain)
    assert response.redirect_chain[-1][0] == reverse("admin:index")
