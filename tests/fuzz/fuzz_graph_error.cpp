// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Graph error bodies, for every status the client maps.
#include "graph/grapherror.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace stocktake::graph;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto body = GraphError::parseBody(bytes);
    for (const int status : {400, 401, 403, 404, 410, 418, 429, 500, 503}) {
        (void)GraphError::fromHttp(status, body, QStringLiteral("users"), QStringLiteral("/v1.0/users"));
    }
    return 0;
}
