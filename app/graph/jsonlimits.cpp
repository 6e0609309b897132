// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/jsonlimits.h"

#include "graph/grapherror.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace stocktake::graph {

int jsonNestingDepth(QByteArrayView bytes, int stopAbove)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > stopAbove) {
                    return deepest;
                }
            }
            break;
        case '}':
        case ']':
            --depth;
            break;
        default:
            break;
        }
    }
    return deepest;
}

core::Result<QJsonObject> parseJsonObject(QByteArrayView bytes, const JsonLimits &limits)
{
    if (bytes.size() > limits.maxBytes) {
        return GraphError::bodyTooLarge(bytes.size(), limits.maxBytes);
    }
    if (jsonNestingDepth(bytes, limits.maxDepth) > limits.maxDepth) {
        return GraphError::malformedJson(
            GraphError::JsonProblem::TooDeep, QStringLiteral("nesting deeper than %1").arg(limits.maxDepth));
    }
    QJsonParseError parseError {};
    // fromJson takes a QByteArray; fromRawData avoids the copy of the page.
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return GraphError::malformedJson(GraphError::JsonProblem::Syntax,
            QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!doc.isObject()) {
        return GraphError::malformedJson(GraphError::JsonProblem::NotObject, QStringLiteral("root is not an object"));
    }
    return doc.object();
}

}  // namespace stocktake::graph
