// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

namespace stocktake::i18n {

/// Installs Stocktake's translation for `locale` (and Qt's own, where installed) into the
/// running application. English needs none. Returns whether a Stocktake translation was found.
bool installTranslations(const QLocale &locale = QLocale());

}  // namespace stocktake::i18n
