// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QString>

namespace stocktake::core {

/// The folder that holds profiles, encrypted databases and logs.
class Home {
public:
    /// The home to use: `explicitDir` when given (--home), else $STOCKTAKE_HOME, else the
    /// platform's app-data folder. Nothing is created yet.
    [[nodiscard]] static QString resolve(const QString &explicitDir = {});

    /// Makes sure the folder exists with mode 0700 (owner only), tightening it if it is looser.
    [[nodiscard]] static Status ensure(const QString &dir);
};

}  // namespace stocktake::core
