from tests.polls.conftest import visitor  # noqa: F401 (the polls' fixture, shared)
