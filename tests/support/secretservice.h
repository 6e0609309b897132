// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace stocktake::testing {

/// Whether this process runs inside a real, unlocked Secret Service (gnome-keyring on a private
/// D-Bus session, as scripts/test starts it). On failure `why` says what is missing.
[[nodiscard]] bool insideRealSecretService(QString *why = nullptr);

}  // namespace stocktake::testing

/// Fails the current test unless it runs inside a real Secret Service. Tests of the keychain
/// must never pass by accident against nothing.
#define STOCKTAKE_REQUIRE_SECRET_SERVICE()                                                                             \
    do {                                                                                                               \
        QString stocktakeWhy_;                                                                                         \
        if (!::stocktake::testing::insideRealSecretService(&stocktakeWhy_))                                            \
            QFAIL(qPrintable(QStringLiteral("no real Secret Service: ") + stocktakeWhy_));                             \
    } while (false)
