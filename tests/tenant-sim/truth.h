// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace stocktake::tenantsim {

class Mailbox;
class ReferenceData;
class SignInModel;
class Tenant;

struct TruthOptions {
    int inactiveDays = 30;  ///< METRICS.md --inactive-days default
    int usageDays = 30;     ///< METRICS.md users_30d / sign_ins_30d window
    int userRows = 10000;   ///< per-person rows only up to this many people
    bool premium = true;
    qint64 generationMs = 0;
    int usageReportRows = 0;
};

/// The sim's own ground truth (README.md "Truth file"): counts of everything it serves and the
/// METRICS.md figures for licences, apps, users and spend as of the tenant's now, computed from
/// the generated data alone, never through Stocktake's code.
class Truth {
public:
    static QJsonObject compute(const Tenant &tenant, SignInModel &signIns, const Mailbox &mailbox,
        const ReferenceData &reference, const TruthOptions &options);
};

}  // namespace stocktake::tenantsim
