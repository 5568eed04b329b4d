<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n span(s) added</source>
        <translation>
            <numerusform>%n span added</numerusform>
            <numerusform>%n spans added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) exported</source>
        <translation>
            <numerusform>%n document exported</numerusform>
            <numerusform>%n documents exported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) use labels the schema lacks: %1. Add them to the schema and import these files?</source>
        <translation>
            <numerusform>%n file uses labels the schema lacks: %1. Add them to the schema and import it?</numerusform>
            <numerusform>%n files use labels the schema lacks: %1. Add them to the schema and import these files?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionsMenu</name>
    <message numerus="yes">
        <source>%n suggestion(s) accepted</source>
        <translation>
            <numerusform>%n suggestion accepted</numerusform>
            <numerusform>%n suggestions accepted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <source>%n document(s) added</source>
        <translation>
            <numerusform>%n document added</numerusform>
            <numerusform>%n documents added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already there</source>
        <translation>
            <numerusform>, %n already there</numerusform>
            <numerusform>, %n already there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n file(s) refused: </source>
        <translation>
            <numerusform>, %n file refused: </numerusform>
            <numerusform>, %n files refused: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <source>%n document(s) added</source>
        <translation>
            <numerusform>%n document added</numerusform>
            <numerusform>%n documents added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched</source>
        <translation>
            <numerusform>%n matched</numerusform>
            <numerusform>%n matched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
</context>
</TS>
