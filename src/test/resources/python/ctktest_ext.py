"""A CTK extension written for dqualizer-ctk's tests: run by the Python worker as chaoslib would run it."""
import datetime
import decimal
import os
import subprocess
import time
import uuid

from chaoslib.exceptions import ActivityFailed

calls = 0


def nothing():
    return None


def ret(value=None):
    return value


def oops():
    raise RuntimeError("oops")


def activity_failed():
    raise ActivityFailed("boom")


def add(a, b=1):
    return a + b


def count():
    """Module state lives for the whole run (one interpreter per run)."""
    global calls
    calls += 1
    return calls


def with_configuration(configuration, key):
    return configuration.get(key)


def with_secrets(secrets=None):
    """The length of each injected secret (the journal masks secret values)."""
    return None if secrets is None else {key: len(value) for key, value in secrets.items()}


def with_anything(**kwargs):
    return sorted(kwargs)


def odd_output():
    class Thing:
        def __str__(self):
            return "a thing"

    return {
        "when": datetime.datetime(2024, 1, 2, 3, 4, 5, 6),
        "day": datetime.date(2024, 1, 2),
        "price": decimal.Decimal("6.70"),
        "id": uuid.UUID(int=1),
        "thing": Thing(),
        "tuple": (1, 2),
    }


def not_a_number():
    return float("nan")


def chatty():
    print("this goes to stderr, not into the protocol")
    os.system("echo child output too")
    return "quiet"


def below(value=None, limit=3):
    return value < limit


def pid():
    return os.getpid()


def sleep(seconds):
    time.sleep(seconds)
    return seconds


def sleep_with_child(seconds, pid_file):
    child = subprocess.Popen(["sleep", str(seconds)])
    with open(pid_file, "w") as f:
        f.write("{} {}".format(os.getpid(), child.pid))
    time.sleep(seconds)


def die():
    os._exit(3)


def exit_run():
    raise SystemExit(2)


class NotAFunction:
    pass


def strict_below(value, limit):
    return value < limit


def replaceable():
    return "plain"


def replace_with_configuration_user():
    """Replaces replaceable by a function that declares configuration, as a module may at run time."""
    global replaceable

    def replaceable(configuration):  # noqa: F811
        return configuration["k"]
