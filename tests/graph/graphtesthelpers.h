// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "graph/graphclient.h"
#include "graph/pagedquery.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include <optional>

namespace stocktake::testing {

/// Spins the event loop until `done()` is true or `timeoutMs` passes; returns done().
template <typename Done> bool spinUntil(Done done, int timeoutMs = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs) {
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done();
}

inline std::optional<core::Result<graph::GraphResponse>> sendAndWait(
    graph::GraphClient &client, graph::GraphRequest request, int timeoutMs = 30000)
{
    std::optional<core::Result<graph::GraphResponse>> out;
    client.send(std::move(request), [&out](core::Result<graph::GraphResponse> r) { out.emplace(std::move(r)); });
    spinUntil([&out] { return out.has_value(); }, timeoutMs);
    return out;
}

struct Walk {
    QList<graph::Page> pages;
    std::optional<core::Result<graph::PagingEnd>> end;
};

/// `onPage` runs as each page arrives (e.g. to read a body reader's records while they are valid).
inline Walk walkAndWait(graph::GraphClient &client, graph::GraphRequest first, int timeoutMs = 30000,
    graph::PagedQuery::BodyReader reader = nullptr, std::function<void(const graph::Page &)> onPage = nullptr)
{
    Walk walk;
    auto *query = new graph::PagedQuery(client, std::move(first));
    query->setBodyReader(std::move(reader));
    query->start(
        [&walk, onPage](const graph::Page &p) {
            walk.pages.append(p);
            if (onPage)
                onPage(p);
        },
        [&walk](core::Result<graph::PagingEnd> e) { walk.end.emplace(std::move(e)); });
    spinUntil([&walk] { return walk.end.has_value(); }, timeoutMs);
    return walk;
}

}  // namespace stocktake::testing
