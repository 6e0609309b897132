<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>stocktake::cli::Runner</name>
    <message>
        <source>Usage: stocktake-cli [--home DIR] [--profile NAME] [--passphrase-stdin] [--quiet|--verbose] COMMAND [ARGS]

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Exit codes: 0 done, 1 failed, 2 usage, 3 sign-in needed or refused, 4 service unreachable, 5 local store refused, 6 bad input file.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--home needs a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option %1. See stocktake-cli --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command %1. See stocktake-cli --help.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stocktake::core::Home</name>
    <message>
        <source>Stocktake cannot use its data folder %1. Check that it exists, belongs to you and the disk is not full.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stocktake::core::Money</name>
    <message>
        <source>The amount is not a valid number for its currency. Write it with &apos;.&apos; as the decimal point, for example 1234.50.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
