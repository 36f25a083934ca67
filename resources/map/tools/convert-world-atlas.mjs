#!/usr/bin/env node
// Converts world-atlas TopoJSON (Natural Earth) into resources/map/world.bin, the compact map
// Meridian compiles into its binary. Run once when updating the data:
//   cd /tmp/atlas && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//   node resources/map/tools/convert-world-atlas.mjs /tmp/atlas/package 50m resources/map/world.bin
// No dependencies: TopoJSON arcs are decoded here, so no node_modules is needed.
//
// Format (little-endian), read by src/core/geo/worldmapdata.cpp:
//   "MRDNMAP1"  8 bytes
//   uint32      layer count
//   per layer:  uint32 kind (0 = land rings, 1 = country borders), uint32 line count,
//               per line: uint32 point count, then points as int16 lon, int16 lat, where
//               lon = round(lon° / 180 * 32767), lat = round(lat° / 90 * 32767).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, scale = '50m', out = 'world.bin'] = process.argv.slice(2);
if (!dir) {
    console.error('usage: convert-world-atlas.mjs <world-atlas dir> [110m|50m] [out.bin]');
    process.exit(2);
}

function decodeArcs(topology) {
    const [sx, sy] = topology.transform.scale;
    const [tx, ty] = topology.transform.translate;
    return topology.arcs.map(arc => {
        let x = 0, y = 0;
        return arc.map(([dx, dy]) => {
            x += dx;
            y += dy;
            return [x * sx + tx, y * sy + ty];
        });
    });
}

function arcPoints(arcs, index) {
    // A negative index ~i means arc i reversed (TopoJSON spec).
    return index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
}

function ring(arcs, indices) {
    const points = [];
    for (const index of indices) {
        const part = arcPoints(arcs, index);
        // Consecutive arcs share their end and start point.
        points.push(...(points.length ? part.slice(1) : part));
    }
    return points;
}


// Natural Earth polygons cross the antimeridian (Fiji, Chukotka) and Antarctica wraps around the
// pole; d3 clips them on the sphere when drawing. A flat map needs them cut at ±180° instead.
function wrapDelta(d) {
    return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
}

function unwrap(points) {
    const out = [points[0].slice()];
    for (let i = 1; i < points.length; ++i) {
        const prev = out[i - 1];
        out.push([prev[0] + wrapDelta(points[i][0] - points[i - 1][0]), points[i][1]]);
    }
    return out;
}

function clipHalfPlane(ring, inside, intersect) {
    const out = [];
    for (let i = 0; i < ring.length; ++i) {
        const current = ring[i];
        const previous = ring[(i + ring.length - 1) % ring.length];
        if (inside(current)) {
            if (!inside(previous))
                out.push(intersect(previous, current));
            out.push(current);
        } else if (inside(previous)) {
            out.push(intersect(previous, current));
        }
    }
    return out;
}

function atLon(lon) {
    return (a, b) => [lon, a[1] + ((b[1] - a[1]) * (lon - a[0])) / (b[0] - a[0])];
}

function densifyEdges(ring) {
    // Edges along ±180° are curves once projected: add a point every degree.
    const out = [];
    for (let i = 0; i < ring.length; ++i) {
        const a = ring[i];
        const b = ring[(i + 1) % ring.length];
        out.push(a);
        if (Math.abs(a[0]) === 180 && a[0] === b[0]) {
            const steps = Math.floor(Math.abs(b[1] - a[1]));
            for (let k = 1; k < steps; ++k)
                out.push([a[0], a[1] + ((b[1] - a[1]) * k) / steps]);
        }
    }
    return out;
}

function cutRing(points) {
    let ring = unwrap(points);
    if (ring.length > 1) {
        const first = ring[0], last = ring[ring.length - 1];
        if (first[0] === last[0] && first[1] === last[1])
            ring.pop();
    }
    const min = Math.min(...ring.map(p => p[0]));
    const max = Math.max(...ring.map(p => p[0]));
    const total = unwrap([...points])[points.length - 1][0] - points[0][0];
    if (Math.abs(total) > 180) {
        // Goes once around a pole (Antarctica): close it through the pole.
        const pole = ring.reduce((n, p) => n + p[1], 0) < 0 ? -90 : 90;
        const end = ring[ring.length - 1][0];
        ring.push([end, pole], [ring[0][0], pole]);
    }
    if (min >= -180 && max <= 180 && Math.abs(total) <= 180)
        return [points];
    const rings = [];
    for (const shift of [-720, -360, 0, 360, 720]) {
        let piece = ring.map(([x, y]) => [x + shift, y]);
        piece = clipHalfPlane(piece, p => p[0] >= -180, atLon(-180));
        piece = clipHalfPlane(piece, p => p[0] <= 180, atLon(180));
        if (piece.length >= 3) {
            piece = densifyEdges(piece);
            piece.push(piece[0].slice());
            rings.push(piece);
        }
    }
    return rings;
}

function cutLine(points) {
    const lines = [[points[0]]];
    for (let i = 1; i < points.length; ++i) {
        if (Math.abs(points[i][0] - points[i - 1][0]) > 180)
            lines.push([]);
        lines[lines.length - 1].push(points[i]);
    }
    return lines;
}

function quantize(points) {
    const q = [];
    for (const [lon, lat] of points) {
        const x = Math.round((lon / 180) * 32767);
        const y = Math.round((Math.max(-90, Math.min(90, lat)) / 90) * 32767);
        const last = q[q.length - 1];
        if (!last || last[0] !== x || last[1] !== y)
            q.push([x, y]);
    }
    return q;
}

function landRings(topology, arcs) {
    const rings = [];
    for (const geometry of topology.objects.land.geometries ?? [topology.objects.land]) {
        const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
        for (const polygon of polygons)
            for (const indices of polygon)
                for (const piece of cutRing(ring(arcs, indices)))
                    rings.push(quantize(piece));
    }
    return rings.filter(r => r.length >= 4);
}

function borderLines(topology, arcs) {
    // Like topojson.mesh(topology, countries, (a, b) => a !== b): arcs used by two countries.
    const owners = new Map();
    topology.objects.countries.geometries.forEach((geometry, id) => {
        const polygons = geometry.type === 'Polygon' ? [geometry.arcs]
                       : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
        for (const polygon of polygons)
            for (const indices of polygon)
                for (const index of indices) {
                    const arc = index >= 0 ? index : ~index;
                    if (!owners.has(arc))
                        owners.set(arc, new Set());
                    owners.get(arc).add(id);
                }
    });
    const lines = [];
    for (const [arc, ids] of owners)
        if (ids.size > 1)
            for (const piece of cutLine(arcs[arc]))
                lines.push(quantize(piece));
    return lines.filter(l => l.length >= 2);
}

function encode(layers) {
    let size = 8 + 4;
    for (const { lines } of layers) {
        size += 8;
        for (const line of lines)
            size += 4 + line.length * 4;
    }
    const buffer = Buffer.alloc(size);
    let at = buffer.write('MRDNMAP1', 0, 'latin1');
    at = buffer.writeUInt32LE(layers.length, at);
    for (const { kind, lines } of layers) {
        at = buffer.writeUInt32LE(kind, at);
        at = buffer.writeUInt32LE(lines.length, at);
        for (const line of lines) {
            at = buffer.writeUInt32LE(line.length, at);
            for (const [x, y] of line) {
                at = buffer.writeInt16LE(x, at);
                at = buffer.writeInt16LE(y, at);
            }
        }
    }
    return buffer;
}

const land = JSON.parse(readFileSync(join(dir, `land-${scale}.json`), 'utf8'));
const countries = JSON.parse(readFileSync(join(dir, `countries-${scale}.json`), 'utf8'));
const layers = [
    { kind: 0, lines: landRings(land, decodeArcs(land)) },
    { kind: 1, lines: borderLines(countries, decodeArcs(countries)) },
];
const buffer = encode(layers);
writeFileSync(out, buffer);
const points = layers.map(l => l.lines.reduce((n, line) => n + line.length, 0));
console.log(`${out}: ${buffer.length} bytes; land ${layers[0].lines.length} rings, ${points[0]} points;`
            + ` borders ${layers[1].lines.length} lines, ${points[1]} points`);
