"""Node positions computed before the page opens, so the browser runs no physics.

``layout(nodes, edges, isolated)`` lays out each connected component on its own with a
seeded Fruchterman-Reingold force layout (networkx's for small components; for large ones a
numpy version with sampled repulsion, as networkx's needs scipy beyond 500 nodes),
then packs the components in rows, largest first; nodes in no relation go in a grid below.
Same graph, same picture.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import networkx as nx  # type: ignore[import-untyped]
import numpy as np

SEED = 7
SPACING = 130.0  # pixels between neighbouring nodes, roughly
_SMALL = 400  # components up to this size use networkx's spring_layout
SPREAD = 2.5  # times networkx's default distance between nodes: hubs keep their neighbours apart
SPREAD_LIMIT = 1500  # components up to this size get the pass that pushes close nodes apart
PIVOTS = 120  # nodes each step's repulsion is sampled from, in large components


def _force_layout(count: int, pairs: Sequence[tuple[int, int]], *, seed: int, iterations: int) -> np.ndarray:
    """Fruchterman-Reingold on count nodes, positions about [0, 1]^2.

    Exact repulsion costs n^2 per step (70 s for 5,000 nodes here); instead each step every node
    is pushed away from a fresh random sample of PIVOTS nodes, scaled to the whole count, which
    averages out over the steps (seeded, so the result is the same each time).
    """
    rng = np.random.default_rng(seed)
    pos = rng.random((count, 2))
    k = math.sqrt(1.0 / count)
    src = np.fromiter((a for a, _ in pairs), dtype=np.int64, count=len(pairs))
    dst = np.fromiter((b for _, b in pairs), dtype=np.int64, count=len(pairs))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    sample = min(count, PIVOTS)
    scale = count / sample
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    for _ in range(iterations):
        chosen = rng.choice(count, size=sample, replace=False)
        px, py = x[chosen], y[chosen]
        dx = x[:, None] - px[None, :]
        dy = y[:, None] - py[None, :]
        force = (scale * k * k) / np.maximum(dx * dx + dy * dy, 1e-4)
        # sum_j dx_ij f_ij = x_i * sum_j f_ij - f @ px (a matrix-vector product, fast)
        total = force.sum(axis=1)
        move_x = x * total - force @ px
        move_y = y * total - force @ py
        if len(src):
            ex, ey = x[src] - x[dst], y[src] - y[dst]
            pull = np.sqrt(ex * ex + ey * ey) / k
            move_x -= np.bincount(src, ex * pull, minlength=count) - np.bincount(dst, ex * pull, minlength=count)
            move_y -= np.bincount(src, ey * pull, minlength=count) - np.bincount(dst, ey * pull, minlength=count)
        length = np.maximum(np.sqrt(move_x * move_x + move_y * move_y), 1e-2)
        x += move_x * (temperature / length)
        y += move_y * (temperature / length)
        temperature -= cooling
    pos = np.column_stack((x, y))
    return pos


def _spread(coords: np.ndarray, *, gap: float, iterations: int = 40) -> np.ndarray:
    """Push apart nodes closer than gap (a force layout packs a hub's neighbours tight)."""
    count = len(coords)
    if count < 2 or count > SPREAD_LIMIT:
        return coords
    coords = coords.copy()
    for _ in range(iterations):
        delta = coords[:, None, :] - coords[None, :, :]
        distance = np.sqrt((delta ** 2).sum(axis=2)) + np.eye(count) * gap
        overlap = np.clip(gap - distance, 0.0, None)
        if not overlap.any():
            break
        push = (delta / np.maximum(distance, 1e-6)[:, :, None]) * (overlap / 2)[:, :, None]
        coords += push.sum(axis=1)
    return coords


def _component_positions(nodes: list[str], pairs: set[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Positions of one connected component, scaled so neighbours sit about SPACING apart."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) <= _SMALL:
        graph = nx.Graph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from(pairs)
        raw = nx.spring_layout(graph, seed=SEED, iterations=100, k=SPREAD / math.sqrt(len(nodes)))
        coords = np.array([raw[n] for n in nodes], dtype=np.float64)
    else:
        index = {node: i for i, node in enumerate(nodes)}
        iterations = 80 if len(nodes) <= 2000 else 50
        coords = _force_layout(len(nodes), sorted((index[a], index[b]) for a, b in pairs), seed=SEED, iterations=iterations)
    coords -= coords.mean(axis=0)
    spread = float(np.sqrt((coords ** 2).sum(axis=1)).max()) or 1.0
    radius = SPACING * math.sqrt(len(nodes)) * 1.1  # area grows with the node count
    coords *= radius / spread
    coords = _spread(coords, gap=SPACING * 0.6)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, coords)}


def layout(
    nodes: Sequence[str], edges: Iterable[tuple[str, str]], isolated: Iterable[str] = ()
) -> dict[str, tuple[float, float]]:
    """Seeded positions (pixels) for every node; see the module docstring."""
    alone = set(isolated)
    graph = nx.Graph()
    graph.add_nodes_from(n for n in nodes if n not in alone)
    graph.add_edges_from((a, b) for a, b in edges if a != b and a not in alone and b not in alone)
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    placed: list[tuple[list[str], dict[str, tuple[float, float]], float]] = []
    for component in components:
        members = set(component)
        pairs = {tuple(sorted((a, b))) for a, b in graph.edges(component) if a in members and b in members}
        positions = _component_positions(component, pairs)
        radius = max((math.hypot(x, y) for x, y in positions.values()), default=0.0) + SPACING / 2
        placed.append((component, positions, radius))
    # shelf packing: rows about as wide as the largest component (or a square of the rest)
    total_area = sum((2 * r) ** 2 for _, _, r in placed)
    width = max([2 * placed[0][2] if placed else 0.0, math.sqrt(total_area) * 1.2, SPACING * 4])
    result: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for _, positions, radius in placed:
        size = 2 * radius
        if x > 0 and x + size > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radius, y + radius
        for node, (px, py) in positions.items():
            result[node] = (cx + px, cy + py)
        x += size
        row_height = max(row_height, size)
    y += row_height + SPACING
    rest = sorted(n for n in nodes if n in alone)
    per_row = max(1, int(width // SPACING))
    for i, node in enumerate(rest):
        result[node] = ((i % per_row) * SPACING + SPACING / 2, y + (i // per_row) * SPACING)
    # centre the drawing on the origin; round so the page stays small
    if result:
        xs = [p[0] for p in result.values()]
        ys = [p[1] for p in result.values()]
        mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        result = {n: (round(px - mx, 1), round(py - my, 1)) for n, (px, py) in result.items()}
    return result
