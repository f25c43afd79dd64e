"""The search index and the reference index, brought up to date once per object while loading.

Every save of a page or snippet queues an update of both indexes for that object, and the
loader saves most pages three or four times (created, revision saved, published, translated):
the same work, done again and again, was close to a third of the load. While loading, the
updates are collected, one per object, and run after each step of the loader; each reads the
object as it is then, as the last of the repeated updates did.

Only the task that the signal handlers queue is swapped, where the installed Wagtail has it
(``modelsearch`` and ``wagtail.signal_handlers``); elsewhere the updates run as before.
"""

import importlib
from contextlib import contextmanager

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction

# (module of the signal handler, name of the task it queues)
HANDLERS = [
    ("modelsearch.signal_handlers", "insert_or_update_object_task"),
    ("wagtail.search.signal_handlers", "insert_or_update_object_task"),
    ("wagtail.signal_handlers", "update_reference_index_task"),
]


class _Collector:
    """Stands in for a task: ``enqueue`` remembers the object, ``run`` updates it once."""

    def __init__(self, task):
        self.task = task
        self.pending = {}

    def enqueue(self, *args):
        self.pending[args] = None

    def run(self):
        pending, self.pending = self.pending, {}
        for args in pending:
            try:
                with transaction.atomic():
                    self.task.call(*args)
            except ObjectDoesNotExist:
                pass  # deleted since it was saved: its delete handler has cleaned up


def _modules():
    for module_name, attribute in HANDLERS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        task = getattr(module, attribute, None)
        if task is not None and hasattr(task, "call"):
            yield module, attribute, task


@contextmanager
def deferred_index_updates():
    """Yield a ``flush()`` that runs the updates collected so far; the last runs on exit."""
    swapped = []
    for module, attribute, task in _modules():
        collector = _Collector(task)
        setattr(module, attribute, collector)
        swapped.append((module, attribute, task, collector))

    def flush():
        for _module, _attribute, _task, collector in swapped:
            collector.run()

    try:
        yield flush
    finally:
        # Also when a step failed: what was saved before it is committed, and indexed.
        try:
            flush()
        finally:
            for module, attribute, task, _collector in swapped:
                setattr(module, attribute, task)
