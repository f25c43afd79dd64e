"""Reading a page's kept parts (``{% ward_cache %}``, ``{% ward_site_cache %}``) in one trip to
the cache.

A page's render reads several kept parts (the head, the header, the footer, the article's own
parts ...). The first part a render asks for fetches, with one ``get_many``, every key that
renders of the same page (the same template, path, site, language, date and tokens: the
``group``) asked for before in this process; the other parts are then served from what came
back, and only a key never seen before costs a read of its own. A part kept inside another part
is read only when the outer part is rendered afresh: its key is not fetched with the others.

The keys are remembered per process, for at most ``GROUPS`` groups (the least recently used go
first); a new token makes a new group, so a retired part is never asked for again.
"""

import threading
from collections import OrderedDict

from .memo import request_memo

GROUPS = 4096
KEYS_PER_GROUP = 64
_groups = OrderedDict()
_lock = threading.Lock()


def _known_keys(group):
    with _lock:
        keys = _groups.get(group)
        if keys is None:
            keys = _groups[group] = []
            while len(_groups) > GROUPS:
                _groups.popitem(last=False)
        else:
            _groups.move_to_end(group)
        return keys


def read_part(request, group, key, render, cache, timeout):
    """The kept value of ``key`` (a part of ``request``'s page, ``group`` being what the key of
    every part of the page holds), or ``render()``'s, kept for ``timeout`` seconds."""
    memo = request_memo(request, "fragment_reads")
    if memo.get("group") != group:
        keys = _known_keys(group)
        asked = list(keys)
        fetched = cache.get_many(asked) if asked else {}
        memo.update(group=group, keys=keys, asked=set(asked), fetched=fetched, depth=0)
    value = memo["fetched"].get(key)
    if key not in memo["asked"]:  # not fetched with the others: read on its own
        if not memo["depth"] and len(memo["keys"]) < KEYS_PER_GROUP:
            with _lock:
                if key not in memo["keys"]:
                    memo["keys"].append(key)
        value = cache.get(key)
    if value is None:
        memo["depth"] += 1  # the parts inside this one are read only when it is rendered
        try:
            value = render()
        finally:
            memo["depth"] -= 1
        cache.set(key, value, timeout)
    return value
