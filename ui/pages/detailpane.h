// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QFutureWatcher>
#include <QStringList>
#include <QWidget>

#include <functional>

class QLabel;
class QTableWidget;

namespace stocktake::ui {

/// The right-hand pane of a table page: what the selected row is made of (an app's people and
/// grants, a user's licences and apps, a SKU's reclaim list). Each section is a small plain-text
/// table filled by a loader that runs on a pool thread; tenant text is never read as markup.
class DetailPane : public QWidget {
    Q_OBJECT

public:
    struct Section {
        QString title;
        QStringList headers;
        QList<QStringList> rows;
        QString note;  ///< shown under the table (e.g. why a list is empty)
    };
    using Loader = std::function<core::Result<QList<Section>>()>;

    explicit DetailPane(QWidget *parent = nullptr);

    /// Shows `heading` at once and the sections when `loader` returns; a newer call wins.
    void show(const QString &heading, const QString &subheading, Loader loader);
    void clear();

private:
    void present(const QList<Section> &sections);

    QLabel *m_heading;
    QLabel *m_subheading;
    QWidget *m_body;
    quint64 m_generation = 0;
};

}  // namespace stocktake::ui
