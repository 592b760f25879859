"""The naive peer of the fetch benchmark: page through GET /phone/users with zoomus, as a
hand-written admin script would (zoomus's defaults, Zoom's default page size, no retries).

Usage: zoomus_fetch.py API_BASE TOKEN_URL ACCOUNT_ID CLIENT_ID CLIENT_SECRET
Prints one JSON line: {"users": N, "requests": N, "seconds": S}.
"""

import json
import sys
import time

from zoomus import ZoomClient


def main() -> None:
    api_base, token_url, account_id, client_id, client_secret = sys.argv[1:6]
    started = time.monotonic()
    client = ZoomClient(client_id, client_secret, account_id, base_uri=api_base, oauth_uri=token_url)
    users, requests, token = [], 0, ""
    while True:
        params = {"next_page_token": token} if token else {}
        page = json.loads(client.phone.users(**params).content)
        requests += 1
        users.extend(page.get("users", []))
        token = page.get("next_page_token") or ""
        if not token:
            break
    print(json.dumps({"users": len(users), "requests": requests, "seconds": time.monotonic() - started}))


if __name__ == "__main__":
    main()
