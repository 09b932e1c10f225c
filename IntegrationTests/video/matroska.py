"""Just enough of a Matroska (EBML) reader to know a source file's clusters, independently of the server.

The tests need each cluster's byte range (to cut an upload after N clusters or repeat some), its timecode (to
predict producer timestamps) and its number of video frames (to predict what playback decodes). Both known-size
and unknown-size clusters are handled; an unknown-size element ends at the next top-level element.

| element      | ID         | what is read                             |
|--------------|------------|------------------------------------------|
| EBML header  | 1A45DFA3   | skipped                                  |
| Segment      | 18538067   | its children                             |
| Info         | 1549A966   | TimecodeScale (2AD7B1), nanoseconds/tick |
| Tracks       | 1654AE6B   | TrackEntry (AE): TrackNumber (D7), TrackType (83, 1 = video) |
| Cluster      | 1F43B675   | Timecode (E7), SimpleBlock (A3), BlockGroup (A0) > Block (A1) |
"""

from __future__ import annotations

from dataclasses import dataclass

EBML_HEADER = 0x1A45DFA3
SEGMENT = 0x18538067
INFO = 0x1549A966
TIMECODE_SCALE = 0x2AD7B1
TRACKS = 0x1654AE6B
TRACK_ENTRY = 0xAE
TRACK_NUMBER = 0xD7
TRACK_TYPE = 0x83
CLUSTER = 0x1F43B675
CLUSTER_TIMECODE = 0xE7
SIMPLE_BLOCK = 0xA3
BLOCK_GROUP = 0xA0
BLOCK = 0xA1
SEGMENT_CHILDREN = {0x114D9B74, INFO, TRACKS, CLUSTER, 0x1C53BB6B, 0x1254C367, 0x1043A770, 0x1941A469}
TRACK_TYPE_VIDEO = 1
DEFAULT_TIMECODE_SCALE_NANOSECONDS = 1_000_000


@dataclass
class Cluster:
    offset: int
    end: int
    timecode_ms: int
    video_frames: int


@dataclass
class MatroskaLayout:
    clusters: list[Cluster]
    video_tracks: set[int]

    @property
    def header_end(self) -> int:
        """Where the first cluster starts: everything before it is the stream header (EBML, Info, Tracks, Tags)."""
        return self.clusters[0].offset

    def cluster_duration_ms(self, index: int) -> int:
        """A cluster's span: up to the next cluster's timecode; the last one is taken to last as long as the one
        before it."""
        if index + 1 < len(self.clusters):
            return self.clusters[index + 1].timecode_ms - self.clusters[index].timecode_ms
        return self.cluster_duration_ms(index - 1) if index > 0 else 0


def _element_id(data: bytes, position: int) -> tuple[int, int]:
    first = data[position]
    length = next((n for n in range(1, 5) if first & (0x80 >> (n - 1))), None)
    if length is None:
        raise ValueError(f"invalid element ID at {position}")
    return int.from_bytes(data[position:position + length], "big"), length


def _varint(data: bytes, position: int) -> tuple[int | None, int]:
    """(value, length); value None for the all-ones 'unknown size'."""
    first = data[position]
    length = next((n for n in range(1, 9) if first & (0x80 >> (n - 1))), None)
    if length is None:
        raise ValueError(f"invalid size at {position}")
    value = first & ((0x80 >> (length - 1)) - 1)
    for byte in data[position + 1:position + length]:
        value = (value << 8) | byte
    return (None if value == (1 << (7 * length)) - 1 else value), length


def _children(data: bytes, start: int, end: int, stop_ids: set[int] = frozenset()):
    """(id, payload start, payload end, element end) for each child in [start, end); an unknown-size child ends
    where an element of `stop_ids` begins at its own level."""
    position = start
    while position < end:
        element, id_length = _element_id(data, position)
        if element in stop_ids and position != start:
            return
        size, size_length = _varint(data, position + id_length)
        payload = position + id_length + size_length
        if size is None:
            payload_end = _unknown_size_end(data, payload, end)
        else:
            payload_end = min(payload + size, end)
        yield element, payload, payload_end, position
        position = payload_end


def _unknown_size_end(data: bytes, start: int, end: int) -> int:
    position = start
    for element, _, payload_end, element_start in _children(data, start, end, SEGMENT_CHILDREN | {EBML_HEADER}):
        position = payload_end
    return position


def _unsigned(data: bytes, start: int, end: int) -> int:
    return int.from_bytes(data[start:end], "big") if end > start else 0


def read_layout(data: bytes) -> MatroskaLayout:
    element, id_length = _element_id(data, 0)
    assert element == EBML_HEADER, "not a Matroska file"
    header_size, size_length = _varint(data, id_length)
    position = id_length + size_length + header_size
    element, id_length = _element_id(data, position)
    assert element == SEGMENT, "no Segment after the EBML header"
    size, size_length = _varint(data, position + id_length)
    segment_start = position + id_length + size_length
    segment_end = len(data) if size is None else min(len(data), segment_start + size)

    scale = DEFAULT_TIMECODE_SCALE_NANOSECONDS
    video_tracks: set[int] = set()
    clusters: list[Cluster] = []
    for element, start, end, element_start in _children(data, segment_start, segment_end):
        if element == INFO:
            for child, child_start, child_end, _ in _children(data, start, end):
                if child == TIMECODE_SCALE:
                    scale = _unsigned(data, child_start, child_end)
        elif element == TRACKS:
            for entry, entry_start, entry_end, _ in _children(data, start, end):
                if entry != TRACK_ENTRY:
                    continue
                fields = {child: _unsigned(data, s, e) for child, s, e, _ in _children(data, entry_start, entry_end)}
                if fields.get(TRACK_TYPE) == TRACK_TYPE_VIDEO:
                    video_tracks.add(fields.get(TRACK_NUMBER))
        elif element == CLUSTER:
            timecode, frames = 0, 0
            for child, child_start, child_end, _ in _children(data, start, end, SEGMENT_CHILDREN):
                if child == CLUSTER_TIMECODE:
                    timecode = _unsigned(data, child_start, child_end)
                elif child == SIMPLE_BLOCK:
                    frames += _block_track(data, child_start) in video_tracks
                elif child == BLOCK_GROUP:
                    frames += sum(_block_track(data, s) in video_tracks
                                  for block, s, _, _ in _children(data, child_start, child_end) if block == BLOCK)
            clusters.append(Cluster(element_start, end, timecode * scale // 1_000_000, frames))
    return MatroskaLayout(clusters, video_tracks)


def _block_track(data: bytes, start: int) -> int:
    track, _ = _varint(data, start)
    return track
