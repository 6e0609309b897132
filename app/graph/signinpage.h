// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "graph/jsonlimits.h"
#include "graph/pageenvelope.h"
#include "graph/records.h"

#include <QByteArrayView>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace stocktake::graph {

/// One sign-in (GET /auditLogs/signIns, the fields Endpoint::signIns() selects), as UTF-8 views
/// into the SignInPageReader that read it: valid until that reader reads its next page.
struct SignInView {
    std::string_view id;
    std::string_view created;  ///< createdDateTime as "yyyy-MM-ddTHH:mm:ssZ" (whole seconds, as stored)
    qint64 createdMs = 0;      ///< createdDateTime in ms since the epoch, its fraction kept
    std::optional<std::string_view> userId;
    std::optional<std::string_view> appId;  ///< ASCII lower case, as signins_raw.app_id
    std::optional<std::string_view> appDisplayName;
    qint64 errorCode = 0;  ///< status.errorCode; 0 = success
};

/// Reads a page of sign-ins straight from its bytes (simdjson's DOM parser; ARCHITECTURE.md lets
/// the hot resources use it), without a QJsonDocument and without a QString per field: at 30 days
/// of a 100,000-person tenant the sync reads 1.8 million of them. As strict as the other parsers
/// (parsers.h, SECURITY.md D4): the whole body must be valid JSON (UTF-8 included) within the
/// JsonLimits; a record with a missing or mistyped field is a ParseIssue with its id and the same
/// problem text FieldReader gives, and the page goes on; unknown fields are ignored.
class SignInPageReader {
public:
    SignInPageReader();
    ~SignInPageReader();
    SignInPageReader(const SignInPageReader &) = delete;
    SignInPageReader &operator=(const SignInPageReader &) = delete;

    /// Parses one page. On an error (graph.malformed_json, graph.body_too_large) the records
    /// and issues are empty.
    [[nodiscard]] core::Result<PageEnvelope> read(QByteArrayView body, const JsonLimits &limits = {});
    [[nodiscard]] const std::vector<SignInView> &records() const;
    [[nodiscard]] const QList<ParseIssue> &issues() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace stocktake::graph
