// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusindicator.h"

#include <QLocale>

namespace stocktake::ui {

DataAgeLabel::DataAgeLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("dataAgeLabel"));
    setText(describe(m_utc, m_online));
}

QString DataAgeLabel::describe(const QDateTime &utc, bool online)
{
    const QString state = online ? tr("online") : tr("offline");
    if (!utc.isValid())
        return tr("No data yet · %1").arg(state);
    return tr("Data as of %1 · %2").arg(QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat), state);
}

void DataAgeLabel::setDataTime(const QDateTime &utc)
{
    m_utc = utc;
    setText(describe(m_utc, m_online));
    setAccessibleName(text());
}

void DataAgeLabel::setOnline(bool online)
{
    m_online = online;
    setText(describe(m_utc, m_online));
    setAccessibleName(text());
}

}  // namespace stocktake::ui
