<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../ui/details.py" line="38"/>
        <source>Link speaker / source</source>
        <translation>اربط بالمتحدث / المصدر</translation>
    </message>
    <message>
        <location filename="../../ui/details.py" line="40"/>
        <source>Remove link</source>
        <translation>أزل الرابط</translation>
    </message>
    <message>
        <location filename="../../ui/details.py" line="46"/>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <location filename="../../ui/details.py" line="67"/>
        <source>No span selected</source>
        <translation>لا مقطع محدد</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../ui/doclist.py" line="19"/>
        <source>Filter or search the project…</source>
        <translation>صفِّ أو ابحث في المشروع…</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="24"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="24"/>
        <source>Length</source>
        <translation>الطول</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="24"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="24"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="39"/>
        <source>not started</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="40"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="41"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window.py" line="82"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="83"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="84"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="85"/>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="120"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="121"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="123"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="124"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="126"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="130"/>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="132"/>
        <source>Find &amp;next</source>
        <translation>التطابق ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="135"/>
        <source>Find &amp;previous</source>
        <translation>التطابق ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="138"/>
        <source>&amp;Delete span</source>
        <translation>ا&amp;حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="139"/>
        <source>Next span</source>
        <translation>المقطع التالي</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="140"/>
        <source>Previous span</source>
        <translation>المقطع السابق</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="142"/>
        <source>Link speaker / source</source>
        <translation>اربط بالمتحدث / المصدر</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="144"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="146"/>
        <source>Span edges</source>
        <translation>حدود المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="148"/>
        <source>Start edge right</source>
        <translation>البداية يمينًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="149"/>
        <source>Start edge left</source>
        <translation>البداية يسارًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="150"/>
        <source>End edge right</source>
        <translation>النهاية يمينًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="151"/>
        <source>End edge left</source>
        <translation>النهاية يسارًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="157"/>
        <source>E&amp;xact spans (no snapping to words)</source>
        <translation>مقاطع د&amp;قيقة (دون الالتقاط إلى الكلمات)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="163"/>
        <source>Annotate all in &amp;document…</source>
        <translation>وسم كل التكرارات في ال&amp;مستند…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="169"/>
        <source>Annotate all in the &amp;project…</source>
        <translation>وسم كل التكرارات في المش&amp;روع…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="172"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="173"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="175"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="177"/>
        <source>&amp;Visual cursor movement</source>
        <translation>حركة المؤشر ال&amp;مرئية</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="182"/>
        <source>&amp;Document</source>
        <translation>الم&amp;ستند</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="184"/>
        <source>&amp;Next document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="187"/>
        <source>&amp;Previous document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="189"/>
        <source>Mark &amp;done</source>
        <translation>علِّمه &amp;منجزًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="191"/>
        <source>&amp;Labels</source>
        <translation>ال&amp;وسوم</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="250"/>
        <source>Annotator: %1</source>
        <translation>الموسِّم: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="252"/>
        <source>not started</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="253"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="254"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="265"/>
        <source>¶ %1 · offset %2</source>
        <translation>¶ %1 · الموضع %2</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="301"/>
        <source>Select some text or a span first</source>
        <translation>حدد نصًا أو مقطعًا أولًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="308"/>
        <source>Annotate all</source>
        <translation>وسم كل التكرارات</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="309"/>
        <source>Label for every “%1”:</source>
        <translation>الوسم لكل «%1»:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window.py" line="316"/>
        <source>%n span(s) added</source>
        <translation>
            <numerusform>أُضيف %n مقطع</numerusform>
            <numerusform>أُضيف %n مقطع</numerusform>
            <numerusform>أُضيف %n مقطع</numerusform>
            <numerusform>أُضيف %n مقطع</numerusform>
            <numerusform>أُضيف %n مقطع</numerusform>
            <numerusform>أُضيف %n مقطع</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../../ui/i18n.py" line="22"/>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../ui/searchbar.py" line="20"/>
        <source>Find (ignores diacritics and letter variants)</source>
        <translation>بحث (يتجاهل التشكيل وصور الحروف)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/session.py" line="250"/>
        <source>Click the speaker or source; Esc cancels</source>
        <translation>انقر المتحدث أو المصدر؛ Esc للإلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="270"/>
        <source>No relation type links these two kinds of span</source>
        <translation>لا نوع علاقة يربط هذين النوعين من المقاطع</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="41"/>
        <source>Who is annotating?</source>
        <translation>من يوسم؟</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="42"/>
        <source>Your name, as it will be stored with your spans:</source>
        <translation>اسمك كما سيُحفظ مع مقاطعك:</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="59"/>
        <source>Open a project</source>
        <translation>افتح مشروعًا</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="61"/>
        <source>Annotator projects (*%1)</source>
        <translation>مشاريع annotator (*%1)</translation>
    </message>
</context>
</TS>
