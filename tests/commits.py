"""Test middleware: the content token a test's changes would write at their commit is written
when the next request starts.

pytest-django wraps each test in a transaction that never commits, so the content token, which
``wagtail_ward.fragments.bump_content_version`` writes in a ``transaction.on_commit`` callback,
would never change. In production an editor's request commits before a reader's request starts;
this middleware, first in the test settings' ``MIDDLEWARE``, writes the token at the start of a
request when the test left token callbacks to run (outside any ``atomic()`` block still open),
as that commit would have. A rolled-back block still drops them, and other callbacks (Wagtail's,
wagtail-localize's) are left as pytest-django leaves them. Tests that read the token without a
request, or count a request's queries right after a change, use
``django_capture_on_commit_callbacks(execute=True)`` around the change.
"""

from django.db import connections

from wagtail_ward.content_tokens import Changes


class CommitBeforeEachRequest:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for connection in connections.all(initialized_only=True):
            if connection.in_atomic_block:
                commit_token(connection)
        return self.get_response(request)


def commit_token(connection=None):
    """Write the token now if the test left token callbacks to run, as their commit would."""
    connection = connection or connections["default"]
    # The list is left as it is: django_capture_on_commit_callbacks counts on its length.
    # The test case's own blocks (the outermost has no savepoint) stand for the commit; blocks
    # the test opened itself and has not left yet hold their callbacks back.
    test_case_blocks = 0
    for block in connection.atomic_blocks:
        if not getattr(block, "_from_testcase", False):
            break
        test_case_blocks += 1
    open_savepoints = set(connection.savepoint_ids[max(test_case_blocks - 1, 0) :])
    # What ran already, by identity; kept with the list it belongs to (a new test, a new list).
    state = connection.__dict__.get("_tests_token_callbacks")
    if state is None or state[0] is not connection.run_on_commit:
        state = connection.__dict__["_tests_token_callbacks"] = (connection.run_on_commit, [])
    done = state[1]
    due = [
        entry
        for entry in connection.run_on_commit
        if isinstance(getattr(entry[1], "__self__", None), Changes)  # a Changes.flush
        and not entry[0] & open_savepoints
        and not any(entry is ran for ran in done)
    ]
    if due:
        done.extend(due)
        # One new token stands for them all. It belongs to the change's commit, not to the
        # request: its statements are left out of the request's query counts.
        logged = len(connection.queries_log)
        due[-1][1]()
        while len(connection.queries_log) > logged:
            connection.queries_log.pop()
