// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/jsonlimits.h"

#include "graph/grapherror.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cstring>

namespace stocktake::graph {

int jsonNestingDepth(QByteArrayView bytes, int stopAbove)
{
    int depth = 0;
    int deepest = 0;
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    while (p < end) {
        const char c = *p++;
        if (c == '"') {
            // Jump to the closing quote: one that follows an even run of backslashes.
            for (;;) {
                const auto *q = static_cast<const char *>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
                if (q == nullptr) {
                    return deepest;  // unterminated: the parser reports it
                }
                std::size_t slashes = 0;
                for (const char *b = q; b > p && *(b - 1) == '\\'; --b) {
                    ++slashes;
                }
                p = q + 1;
                if (slashes % 2 == 0) {
                    break;
                }
            }
        } else if (c == '{' || c == '[') {
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > stopAbove) {
                    return deepest;
                }
            }
        } else if (c == '}' || c == ']') {
            --depth;
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
