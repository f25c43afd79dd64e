"""The simulated readers of the load run: ``CLIENTS`` asyncio tasks, each with its own httpx
connection, its own address (``X-Forwarded-For``) and no cookies kept (a new browser for every
visit and vote), mixing page views, API calls, searches, votes and visits until the deadline.
Every answer is recorded: when it was asked (seconds from the start), what, the status (0 for a
failed connection), the time it took, and what a vote or a visit answered."""

import asyncio
import random
import time

import httpx

from bench.load_report import MIX, Answer

TIMEOUT = 60  # seconds a reader waits for an answer before it counts as failed
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) wagtail-ward load run"
SEARCH_WORDS = ("phường", "thủ tục", "hồ sơ", "lịch", "cấp", "đăng ký", "ward", "dân")


async def reader(number, targets, base_url, started, deadline, think, answers):
    rng = random.Random(number)
    kinds, weights = list(MIX), list(MIX.values())
    address = f"10.{number // 250}.{number % 250}.{rng.randint(1, 250)}"
    headers = {"User-Agent": USER_AGENT, "X-Forwarded-For": address}
    sent = 0
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=TIMEOUT) as client:
        while time.monotonic() < deadline:
            kind = rng.choices(kinds, weights)[0]
            client.cookies.clear()
            at = time.monotonic()
            try:
                response = await request(client, rng, kind, targets, f"{number:03d}-{sent:06d}")
                status = response.status_code
                note = describe(kind, response)
                retry_after = response.headers.get("Retry-After", "")
            except httpx.HTTPError as error:
                status, note, retry_after = 0, type(error).__name__, ""
            answers.append(
                Answer(at - started, kind, status, time.monotonic() - at, note, retry_after)
            )
            sent += 1
            if think:
                await asyncio.sleep(rng.expovariate(1 / think))


async def request(client, rng, kind, targets, serial):
    if kind == "vote":
        host, poll_id, choices = rng.choice(targets["polls"])
        token = f"load-{serial}".ljust(40, "x")
        return await client.post(
            f"/api/ward/polls/{poll_id}/vote/",
            json={"choice": rng.choice(choices)},
            headers={"Host": host, "X-Ward-Voter": token},
        )
    if kind == "visit":
        host = rng.choice(targets["hosts"])
        return await client.post("/api/ward/visits/", json={}, headers={"Host": host})
    if kind == "search":
        host = rng.choice(targets["hosts"])
        params = {"q": rng.choice(SEARCH_WORDS)}
        return await client.get("/search/", params=params, headers={"Host": host})
    host, path = rng.choice(targets[kind])
    return await client.get(path, headers={"Host": host})


def describe(kind, response):
    """What a vote or a visit answered ("counted", "already_voted", ...), from its JSON."""
    if kind not in ("vote", "visit") or not response.headers.get("Content-Type", "").startswith(
        "application/json"
    ):
        return ""
    try:
        data = response.json()
    except ValueError:
        return "not JSON"
    if kind == "vote":
        return str(data.get("code", ""))
    return "counted" if data.get("counted") else "not counted"


async def run_readers(targets, base_url, clients, seconds, think, faults=None):
    """Run the readers for ``seconds`` (and ``faults``, a coroutine taking the start time, at
    the same time); returns every answer."""
    answers = []
    started = time.monotonic()
    deadline = started + seconds
    tasks = [
        reader(n, targets, base_url, started, deadline, think, answers) for n in range(clients)
    ]
    if faults is not None:
        tasks.append(faults(started))
    await asyncio.gather(*tasks)
    return answers
