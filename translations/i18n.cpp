// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace stocktake::i18n {

bool installTranslations(const QLocale &locale)
{
    auto *qtBase = new QTranslator(QCoreApplication::instance());
    if (qtBase->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtBase);
    auto *own = new QTranslator(QCoreApplication::instance());
    if (!own->load(locale, QStringLiteral("stocktake"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return false;
    return QCoreApplication::installTranslator(own);
}

}  // namespace stocktake::i18n
