// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <span>

namespace stocktake::tenantsim {

/// The fixed tables the generator draws from: names, departments, SKUs, applications, grants
/// and places. Microsoft's own ids (SKUs, first-party apps) are the published ones; ids of
/// third-party and home-grown apps are generated from the seed.
namespace simdata {

struct Name {
    const char *text;   ///< UTF-8 as shown
    const char *ascii;  ///< for the UPN
};

/// Services a SKU licenses, for the usage report's "Has … License" columns.
enum Service : quint8 {
    Exchange = 1,
    OneDrive = 2,
    SharePoint = 4,
    Skype = 8,
    Yammer = 16,
    Teams = 32,
};

struct SkuDef {
    const char *partNumber;
    const char *productName;  ///< as the usage report's "Assigned Products" spells it (upper-cased there)
    const char *skuId;
    const char *capabilityStatus;
    quint8 services;
    std::span<const char *const> plans;
};

enum class Owner { Microsoft, MicrosoftCorporate, ThirdParty, Tenant };

struct AppDef {
    const char *name;
    const char *appId;  ///< nullptr: generated
    Owner owner;
    const char *publisher;
    const char *servicePrincipalType;  ///< nullptr: no service principal in the tenant
    bool enabled;
    quint16 usePermille;  ///< share of active people who sign in to it
    bool signInsFail;     ///< every sign-in fails (a disabled app)
    const char *resource;
};

enum class Consent { AllPrincipals, Principal };

struct GrantDef {
    int app;       ///< index into apps()
    int resource;  ///< index into apps() of the API (Microsoft Graph, Exchange)
    Consent consent;
    quint16 permille;  ///< Principal: share of people who consented
    const char *scope;
};

struct Place {
    const char *city;
    const char *state;
    const char *country;
    double latitude;
    double longitude;
};

struct Failure {
    int errorCode;
    const char *reason;
};

std::span<const Name> givenNames();
std::span<const Name> familyNames();
/// Index 0 is "no department" (null in Graph).
std::span<const char *const> departments();
/// Index 0 is "no job title".
std::span<const char *const> jobTitles();
/// Display names of odd accounts (shared mailboxes, rooms, injected text).
std::span<const char *const> oddDisplayNames();
std::span<const Place> places();
std::span<const char *const> usageLocations();
std::span<const SkuDef> skus();
/// Applications; those with a sign-in use come first (at most 64, one bit each per person).
std::span<const AppDef> apps();
std::span<const GrantDef> grants();
/// Sign-in failures; the last one is "Application is disabled".
std::span<const Failure> failures();

/// Index of well-known entries in the tables above.
enum SkuIndex : int {
    SkuE5 = 0,
    SkuE3,
    SkuO365E3,
    SkuEms,
    SkuPowerBi,
    SkuVisio,
    SkuProject,
    SkuFlowFree,
    SkuCopilot,
    SkuCount
};
enum AppIndex : int {
    AppTeams = 0,
    AppExchange = 1,
    AppSharePoint = 2,
    AppMicrosoftGraph = 28,
};
/// Application id of Microsoft's first-party apps' owner tenant (METRICS first_party).
inline constexpr const char *kMicrosoftTenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
inline constexpr const char *kMicrosoftCorporateTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

}  // namespace simdata
}  // namespace stocktake::tenantsim
