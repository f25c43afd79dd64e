from tests.polls.conftest import poll, visitor  # noqa: F401 (the polls' fixtures, shared)
