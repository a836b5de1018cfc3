"""Reading the routed feed for one station: events after its cursor, in feed order, its own events left out."""

from __future__ import annotations

import sqlalchemy as sa

from assessdesk.protocol.events import WireEvent
from assessdesk.registry.context import Registry
from assessdesk.registry.sync.push import to_wire
from assessdesk.registry.tables import events, feed


def pull_page(registry: Registry, *, station_id: str, cursor: int, limit: int) -> tuple[list[WireEvent], int, bool]:
    """(events, next cursor, more waiting). The cursor moves past rows skipped as the station's own."""
    query = (sa.select(feed.c.feed_seq, events)
             .join(events, events.c.server_seq == feed.c.server_seq)
             .where(feed.c.feed_seq > cursor,
                    sa.or_(feed.c.station_id.is_(None), feed.c.station_id == station_id))
             .order_by(feed.c.feed_seq).limit(limit + 1))
    with registry.engine.connect() as conn:
        rows = conn.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = rows[-1].feed_seq if rows else cursor
    return [to_wire(r) for r in rows if r.author_station != station_id], next_cursor, more
