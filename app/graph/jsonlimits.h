// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArrayView>
#include <QJsonObject>

namespace stocktake::graph {

/// Bounds on untrusted JSON (SECURITY.md D4): a body cap and a nesting cap far under Qt's own
/// 1024, checked before QJsonDocument sees the bytes.
struct JsonLimits {
    qint64 maxBytes = qint64 {32} * 1024 * 1024;
    int maxDepth = 64;
};

/// The deepest nesting of objects and arrays in `bytes`, counted outside strings; stops
/// counting (and returns a value above `stopAbove`) once it passes `stopAbove`.
[[nodiscard]] int jsonNestingDepth(QByteArrayView bytes, int stopAbove);

/// Parses `bytes` as one JSON object within `limits`. Errors: `graph.body_too_large`,
/// `graph.json_too_deep`, `graph.malformed_json` (also truncated input), `graph.json_not_object`.
[[nodiscard]] core::Result<QJsonObject> parseJsonObject(QByteArrayView bytes, const JsonLimits &limits = {});

}  // namespace stocktake::graph
