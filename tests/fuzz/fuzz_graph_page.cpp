// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A Graph page as it comes off the wire: the sign-in page reader on its bytes, then the bounded
// JSON parse and every other resource parser.
#include "graph/jsonlimits.h"
#include "graph/parsers.h"
#include "graph/signinpage.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace stocktake::graph;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    SignInPageReader signIns;  // sign-in pages are read straight from their bytes
    (void)signIns.read(bytes);
    const auto root = parseJsonObject(bytes);
    if (!root.ok()) {
        return 0;
    }
    const QJsonArray items = root->value(QLatin1StringView("value")).toArray();
    (void)parseOrganizations(items);
    (void)parseUsers(items);
    (void)parseGroups(items);
    (void)parseMembers(items);
    (void)parseSubscribedSkus(items);
    (void)parseServicePrincipals(items);
    (void)parseOAuth2PermissionGrants(items);
    (void)parseMailMessages(items);
    (void)parseAttachments(items);
    return 0;
}
