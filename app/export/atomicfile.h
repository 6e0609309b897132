// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QIODevice>

#include <functional>

namespace stocktake::exporting {

/// Writes a file all or nothing (QSaveFile) with mode 0600: the callback writes to the device and
/// returns false to abandon; a failed or abandoned write leaves no file and no partial content.
core::Status writeFileAtomically(const QString &path, const std::function<bool(QIODevice &)> &writer);

}  // namespace stocktake::exporting
