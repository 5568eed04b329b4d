<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../ui/details.py" line="38" />
        <source>Link speaker / source</source>
        <translation>اربط بالمتحدث / المصدر</translation>
    </message>
    <message>
        <location filename="../../ui/details.py" line="40" />
        <source>Remove link</source>
        <translation>أزل الرابط</translation>
    </message>
    <message>
        <location filename="../../ui/details.py" line="46" />
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <location filename="../../ui/details.py" line="67" />
        <source>No span selected</source>
        <translation>لا مقطع محدد</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../ui/doclist.py" line="35" />
        <source>Filter or search the project…</source>
        <translation>صفِّ أو ابحث في المشروع…</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="40" />
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="40" />
        <source>Length</source>
        <translation>الطول</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="40" />
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="40" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="32" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="39" />
        <source>Only my spans</source>
        <translation>مقاطعي فقط</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="41" />
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="52" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="55" />
        <source>Output</source>
        <translation>الملف الناتج</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="64" />
        <source>Export to</source>
        <translation>صدِّر إلى</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window.py" line="64" />
        <source> (read-only)</source>
        <translation> (للقراءة فقط)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="109" />
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="110" />
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="111" />
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="112" />
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="150" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="151" />
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="152" />
        <source>&amp;Open project…</source>
        <translation>ا&amp;فتح مشروعًا…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="154" />
        <location filename="../../ui/window.py" line="406" />
        <source>&amp;Import documents…</source>
        <translation>ا&amp;ستورد مستندات…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="155" />
        <location filename="../../ui/window.py" line="411" />
        <source>Import a &amp;folder…</source>
        <translation>استورد م&amp;جلدًا…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="156" />
        <source>&amp;Export…</source>
        <translation>&amp;صدِّر…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="158" />
        <source>&amp;Settings…</source>
        <translation>الإ&amp;عدادات…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="159" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="161" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="162" />
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="164" />
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="168" />
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="170" />
        <source>Find &amp;next</source>
        <translation>التطابق ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="173" />
        <source>Find &amp;previous</source>
        <translation>التطابق ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="176" />
        <source>&amp;Delete span</source>
        <translation>ا&amp;حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="177" />
        <source>Next span</source>
        <translation>المقطع التالي</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="178" />
        <source>Previous span</source>
        <translation>المقطع السابق</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="180" />
        <source>Link speaker / source</source>
        <translation>اربط بالمتحدث / المصدر</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="182" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="184" />
        <source>Span edges</source>
        <translation>حدود المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="186" />
        <source>Start edge right</source>
        <translation>البداية يمينًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="187" />
        <source>Start edge left</source>
        <translation>البداية يسارًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="188" />
        <source>End edge right</source>
        <translation>النهاية يمينًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="189" />
        <source>End edge left</source>
        <translation>النهاية يسارًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="195" />
        <source>E&amp;xact spans (no snapping to words)</source>
        <translation>مقاطع د&amp;قيقة (دون الالتقاط إلى الكلمات)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="201" />
        <source>Annotate all in &amp;document…</source>
        <translation>وسم كل التكرارات في ال&amp;مستند…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="207" />
        <source>Annotate all in the &amp;project…</source>
        <translation>وسم كل التكرارات في المش&amp;روع…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="210" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="211" />
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="213" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="214" />
        <source>&amp;Font…</source>
        <translation>ال&amp;خط…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="215" />
        <source>Label &amp;tags</source>
        <translation>&amp;بطاقات الوسوم</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="217" />
        <source>&amp;Visual cursor movement</source>
        <translation>حركة المؤشر ال&amp;مرئية</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="222" />
        <source>&amp;Document</source>
        <translation>الم&amp;ستند</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="224" />
        <source>&amp;Next document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="227" />
        <source>&amp;Previous document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="229" />
        <source>Mark &amp;done</source>
        <translation>علِّمه &amp;منجزًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="231" />
        <source>&amp;Labels</source>
        <translation>ال&amp;وسوم</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="232" />
        <source>&amp;Project</source>
        <translation>الم&amp;شروع</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="233" />
        <source>&amp;Schema…</source>
        <translation>ال&amp;مخطط…</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="303" />
        <source>Annotator: %1</source>
        <translation>الموسِّم: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="314" />
        <source>¶ %1 · offset %2</source>
        <translation>¶ %1 · الموضع %2</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="350" />
        <source>Reading font</source>
        <translation>خط القراءة</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="363" />
        <source>Select some text or a span first</source>
        <translation>حدد نصًا أو مقطعًا أولًا</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="370" />
        <source>Annotate all</source>
        <translation>وسم كل التكرارات</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="371" />
        <source>Label for every “%1”:</source>
        <translation>الوسم لكل «%1»:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window.py" line="378" />
        <source>%n span(s) added</source>
        <translation>
            <numerusform>أُضيف %n مقطع</numerusform><numerusform>أُضيف %n مقطع</numerusform><numerusform>أُضيف %n مقطع</numerusform><numerusform>أُضيف %n مقطع</numerusform><numerusform>أُضيف %n مقطع</numerusform><numerusform>أُضيف %n مقطع</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="383" />
        <source>Annotator projects (*%1)</source>
        <translation>مشاريع annotator (*%1)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="387" />
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="400" />
        <source>Open a project</source>
        <translation>افتح مشروعًا</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window.py" line="438" />
        <source>%n document(s) exported</source>
        <translation>
            <numerusform>صُدِّر %n مستند</numerusform><numerusform>صُدِّر %n مستند</numerusform><numerusform>صُدِّر %n مستند</numerusform><numerusform>صُدِّر %n مستند</numerusform><numerusform>صُدِّر %n مستند</numerusform><numerusform>صُدِّر %n مستند</numerusform></translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../../ui/i18n.py" line="22" />
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <location filename="../../ui/schema_editor.py" line="54" />
        <source>Schema</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <location filename="../../ui/schema_editor.py" line="59" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/schema_editor.py" line="60" />
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../ui/schema_editor.py" line="61" />
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../ui/schema_editor.py" line="62" />
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <location filename="../../ui/schema_editor.py" line="63" />
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <location filename="../../ui/schema_editor.py" line="64" />
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../ui/schema_editor.py" line="70" />
        <source>Add label</source>
        <translation>أضف وسمًا</translation>
    </message>
    <message>
        <location filename="../../ui/schema_editor.py" line="72" />
        <source>Remove label</source>
        <translation>أزل الوسم</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../ui/searchbar.py" line="20" />
        <source>Find (ignores diacritics and letter variants)</source>
        <translation>بحث (يتجاهل التشكيل وصور الحروف)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/session.py" line="283" />
        <source>Click the speaker or source; Esc cancels</source>
        <translation>انقر المتحدث أو المصدر؛ Esc للإلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="303" />
        <source>No relation type links these two kinds of span</source>
        <translation>لا نوع علاقة يربط هذين النوعين من المقاطع</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="22" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="25" />
        <source>System</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="34" />
        <source>Annotator name</source>
        <translation>اسم الموسِّم</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="35" />
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="36" />
        <source>A new name takes effect at the next start</source>
        <translation>يسري الاسم الجديد في التشغيل التالي</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../ui/stats_view.py" line="236" />
        <source>Statistics — %1</source>
        <translation>الإحصاءات — %1</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/doclist.py" line="16" />
        <source>not started</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="17" />
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../ui/doclist.py" line="18" />
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="41" />
        <source>Who is annotating?</source>
        <translation>من يوسم؟</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="42" />
        <source>Your name, as it will be stored with your spans:</source>
        <translation>اسمك كما سيُحفظ مع مقاطعك:</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="59" />
        <source>Open a project</source>
        <translation>افتح مشروعًا</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="61" />
        <source>Annotator projects (*%1)</source>
        <translation>مشاريع annotator (*%1)</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/importing.py" line="68" />
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../ui/importing.py" line="68" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/importing.py" line="69" />
        <source>Importing</source>
        <translation>الاستيراد</translation>
    </message>
</context>
</TS>