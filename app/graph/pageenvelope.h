// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>

#include <optional>

namespace stocktake::graph {

/// What a page says besides its records, for PagedQuery's checks: the links and the count as
/// Graph sent them (undefined when absent) and how many items "value" held (nullopt: no "value"
/// array). A body reader (PagedQuery::setBodyReader) fills it from a page it parses itself.
struct PageEnvelope {
    std::optional<qsizetype> items;
    QJsonValue nextLink {QJsonValue::Undefined};
    QJsonValue deltaLink {QJsonValue::Undefined};
    QJsonValue count {QJsonValue::Undefined};
};

}  // namespace stocktake::graph
