// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QLabel>

namespace stocktake::ui {

/// The status bar's statement of how old the data is and whether the app is online:
/// "Data as of 20 Nov 2026 15:30 · offline". The time is stored in UTC and shown in local time.
class DataAgeLabel : public QLabel {
    Q_OBJECT

public:
    explicit DataAgeLabel(QWidget *parent = nullptr);

    void setDataTime(const QDateTime &utc);
    void setOnline(bool online);
    [[nodiscard]] static QString describe(const QDateTime &utc, bool online);

private:
    QDateTime m_utc;
    bool m_online = false;
};

}  // namespace stocktake::ui
