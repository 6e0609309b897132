// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QString>

namespace stocktake::store {

/// The typed failures of the local store. Each has a stable code, one plain line for the user
/// (what happened, what to do) and exit code 5 (CLI.md), except where noted. Details hold
/// SQLite's own words and codes, never keys or row data.
class StoreError {
public:
    static core::Error wrongKey(const QString &path, const QString &detail = {});
    static core::Error notDatabase(const QString &path, const QString &detail = {});
    static core::Error schemaNewer(const QString &path, int found, int supported);
    static core::Error corrupt(const QString &path, const QString &detail);
    static core::Error notSqlCipher(const QString &detail);
    static core::Error missing(const QString &path);
    static core::Error exists(const QString &path);
    static core::Error io(const QString &path, const QString &detail);
    static core::Error diskFull(const QString &path, const QString &detail);
    static core::Error busy(const QString &path, const QString &detail);
    /// Picks the error for a failed SQLite call by its result code.
    static core::Error fromSqlite(int code, const QString &path, const QString &detail);
};

}  // namespace stocktake::store
