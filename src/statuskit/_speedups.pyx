# cython: language_level=3, boundscheck=False, wraparound=False
"""The optional compiled walker of statuskit (built only on request: see docs/speed.md).

It reads libxml2's nodes directly, through lxml's public C API, where the pure-Python readers
pay for one lxml proxy object and one attribute decode per element they look at.  Everything
here answers exactly what the Python code it replaces answers; whatever it does not recognise
it hands back as an lxml element for the Python code to read.  It only reads fields of the
tree (no libxml2 function is called), so it does not depend on how lxml links libxml2.
"""
from libc.string cimport memchr, strstr, strcmp, strncmp, strlen
from cpython.unicode cimport PyUnicode_DecodeUTF8, PyUnicode_DecodeASCII
from cpython.bytes cimport PyBytes_FromStringAndSize, PyBytes_AS_STRING
from lxml.includes cimport tree
from lxml.includes.tree cimport xmlNode, xmlAttr
cimport lxml.includes.etreepublic as cetree
from cpython.datetime cimport (
    import_datetime, datetime_new, PyDateTime_Check, PyDateTime_GET_YEAR, PyDateTime_GET_MONTH,
)
import datetime as _datetime

cdef extern from "structmember.h":
    ctypedef struct PyMemberDef:
        int type
        int flags
    int PyMember_SetOne(char* addr, PyMemberDef* member, object value) except -1

cdef extern from "Python.h":
    ctypedef struct PyMemberDescrObject:
        PyMemberDef* d_member
    ctypedef struct PyTypeObject:
        object (*tp_alloc)(PyTypeObject*, Py_ssize_t)

cetree.import_lxml__etree()
import_datetime()
cdef object _UTC = _datetime.timezone.utc

LXML_BUILT_WITH = (<bytes>cetree.LXML_VERSION_STRING).decode("ascii")
"""The lxml version this module was compiled against: statuskit uses it only with that one."""

cdef inline bint _is_div(xmlNode* n) noexcept:
    # what lxml's iter("div") matches in an HTML tree
    return (n.type == tree.XML_ELEMENT_NODE and n.ns is NULL
            and strcmp(<const char*>n.name, "div") == 0)


cdef inline xmlNode* _element(xmlNode* n) noexcept:
    # *n* or the first element sibling after it
    while n is not NULL and n.type != tree.XML_ELEMENT_NODE:
        n = n.next
    return n


cdef inline bint _is_lx_child(xmlNode* n) noexcept:
    # what lxml counts as a child: element, comment, PI, entity reference
    return (n.type == tree.XML_ELEMENT_NODE or n.type == tree.XML_COMMENT_NODE
            or n.type == tree.XML_PI_NODE or n.type == tree.XML_ENTITY_REF_NODE)

cdef inline xmlNode* _lx_child(xmlNode* n) noexcept:
    n = n.children
    while n is not NULL and not _is_lx_child(n):
        n = n.next
    return n

cdef inline xmlNode* _lx_next(xmlNode* n) noexcept:
    n = n.next
    while n is not NULL and not _is_lx_child(n):
        n = n.next
    return n

cdef inline int _attr(xmlNode* n, const char* name, const char** out) noexcept:
    """1: found, *out its value; 0: absent; -1: a value not held by one text node."""
    cdef xmlAttr* a = n.properties
    cdef xmlNode* kid
    while a is not NULL:
        if a.ns is NULL and strcmp(<const char*>a.name, name) == 0:
            kid = a.children
            if kid is NULL:
                out[0] = ""
                return 1
            if kid.next is NULL and kid.type == tree.XML_TEXT_NODE and kid.content is not NULL:
                out[0] = <const char*>kid.content
                return 1
            return -1
        a = a.next
    return 0

cdef inline object _str(const char* s):
    return PyUnicode_DecodeUTF8(s, strlen(s), NULL)

cdef int _fields(xmlNode* el, const char** cid, const char** status, const char** name,
                 const char** description) noexcept:
    """1 when *el* is the common row (id, status, a childless span.name first, an optional
    span.tooltip-base second), its texts set (NULL: absent); 0 for any other shape."""
    cdef const char* v = NULL
    cdef xmlNode* first
    cdef xmlNode* second
    cdef xmlNode* t
    cid[0] = status[0] = name[0] = description[0] = NULL
    if _attr(el, "data-component-id", cid) < 0:
        return 0
    if _attr(el, "data-component-status", status) < 0:
        return 0
    first = _lx_child(el)
    if first is NULL or first.type != tree.XML_ELEMENT_NODE:
        return 0
    if _attr(first, "class", &v) != 1 or strncmp(v, "name", 4) != 0:
        return 0
    if _lx_child(first) is not NULL:
        return 0
    t = first.children
    if t is not NULL:
        if t.next is not NULL or t.type != tree.XML_TEXT_NODE or t.content is NULL:
            return 0
        name[0] = <const char*>t.content
    second = _lx_next(first)
    if second is not NULL and second.type == tree.XML_ELEMENT_NODE:
        r = _attr(second, "class", &v)
        if r < 0:
            return 0
        if r == 1 and strstr(v, "tooltip-base") is not NULL:
            r = _attr(second, "title", &v)
            if r < 0:
                return 0
            if r == 1 and v[0] != 0:
                description[0] = v
    return 1


cdef inline object _opt(const char* s):
    return None if s is NULL else _str(s)


cdef object _line(const char* s):
    """What _html.line() makes of the ASCII text *s* (whitespace runs collapsed, ends
    stripped); None when *s* is not ASCII (Python decides: str.split() knows Unicode spaces)."""
    cdef size_t n = strlen(s)
    cdef size_t i = 0
    cdef size_t k = 0
    cdef bint pending = False
    cdef unsigned char c
    cdef bytes buf
    cdef char* out
    for i in range(n):
        if <unsigned char>s[i] >= 128:
            return None
    buf = PyBytes_FromStringAndSize(NULL, n)
    out = PyBytes_AS_STRING(buf)
    for i in range(n):
        c = <unsigned char>s[i]
        if _ascii_space(<char>c):
            pending = k > 0
            continue
        if pending:
            out[k] = 32
            k += 1
            pending = False
        out[k] = <char>c
        k += 1
    return PyUnicode_DecodeASCII(out, k, NULL)


cdef int _part(const char* cls) noexcept:
    # which part of the index page a div's class names, as read_index's tests run in order
    if strstr(cls, "component-inner-container") is not NULL:
        return 1
    if strstr(cls, "component-container") is not NULL:
        return 2
    if (strstr(cls, "status-day") is not NULL or strstr(cls, "unresolved-incident") is not NULL
            or strstr(cls, "scheduled-maintenance") is not NULL
            or strstr(cls, "page-status") is not NULL):
        return 3
    return 0


cdef int _part_of(str cls):
    # _part of a class given as Python text
    if "component-inner-container" in cls:
        return 1
    if "component-container" in cls:
        return 2
    if ("status-day" in cls or "unresolved-incident" in cls or "scheduled-maintenance" in cls
            or "page-status" in cls):
        return 3
    return 0


def scan_index(cetree._Element root, dict statuses, build, finish, component, no_raw,
               Py_ssize_t limit, ctx):
    """The component rows of an index page, read as read_index reads them (groups, positions,
    the max_items cut), and the other divs whose class names a part of the page.

    Returns (components, cut, others): *cut* is True when a row past *limit* stopped the walk
    (read_index then warns and reads no further div); *others* are (class, element) in
    document order.  The usual row (id, a known status, ASCII name) is built here with
    *build* (new_component); any other goes to *finish* (read_index._finish) with the fields
    read, or to *component* (read_index._component) with its element."""
    cdef xmlNode* top = root._c_node
    cdef xmlNode* n = top
    cdef xmlNode* nxt
    cdef const char* cls = NULL
    cdef int r, part
    cdef list comps = []
    cdef list others = []
    cdef bint expect_group_row = False
    cdef bint cut = False
    cdef object group = None
    cdef object text
    cdef cetree._Document doc = root._doc
    while n is not NULL:
        if _is_div(n):
            text = None
            r = _attr(n, "class", &cls)
            if r < 0:
                text = cetree.elementFactory(doc, n).get("class")
                part = _part_of(text) if text else 0
            elif r == 1 and cls[0] != 0:
                part = _part(cls)
            else:
                part = 0
            if part == 1:
                if len(comps) >= limit:
                    cut = True
                    break
                comp = _row(n, doc, statuses, build, finish, component, no_raw, group,
                            expect_group_row, len(comps), ctx)
                if comp is not None:
                    if expect_group_row:
                        group = (comp.id, comp.name)
                    comps.append(comp)
                expect_group_row = False
            elif part == 2:
                if text is None:
                    text = _str(cls)
                expect_group_row = "is-group" in text.split()
                group = None
            elif part == 3:
                others.append((_str(cls) if text is None else text, cetree.elementFactory(doc, n)))
        # next in document order: first child element, else next sibling, else up
        nxt = _element(n.children) if n.type == tree.XML_ELEMENT_NODE else NULL
        if nxt is not NULL:
            n = nxt
            continue
        while n is not NULL:
            if n is top:
                n = NULL
                break
            nxt = _element(n.next)
            if nxt is not NULL:
                n = nxt
                break
            n = n.parent
    return comps, cut, others


cdef int _OBJECT_EX = 16  # structmember.h's T_OBJECT_EX: a slot holding any object
cdef int _READONLY = 1


cdef class Maker:
    """Builds instances of a plain slotted attrs class (see statuskit._build) by storing each
    field in its slot, without a Python call: what the class's twin builder does, from C."""

    cdef object cls
    cdef PyMemberDef* members[16]
    cdef int count

    def __init__(self, cls, names):
        names = tuple(names)
        if len(names) > 16:
            raise ValueError("too many fields")
        self.cls = cls
        self.count = len(names)
        for i, name in enumerate(names):
            slot = cls.__dict__.get(name)
            if type(slot).__name__ != "member_descriptor":
                raise ValueError(f"{name!r} is not a slot")
            member = (<PyMemberDescrObject*>slot).d_member
            if member.type != _OBJECT_EX or member.flags & _READONLY:
                raise ValueError(f"{name!r} is not a writable object slot")
            self.members[i] = member

    def __call__(self, *values):
        """An instance with *values* in its fields, in order."""
        if len(values) != self.count:
            raise TypeError(f"{self.count} values expected")
        obj = self._new()
        for i in range(self.count):
            PyMember_SetOne(<char*><void*>obj, self.members[i], values[i])
        return obj

    cdef object _new(self):
        return (<PyTypeObject*>self.cls).tp_alloc(<PyTypeObject*>self.cls, 0)

    cdef object component(self, cid, name, status, raw_status, group, description, position,
                          group_id, is_group, updated_at, raw):
        # the eleven fields of statuskit.model.Component, in order
        obj = self._new()
        cdef char* at = <char*><void*>obj
        PyMember_SetOne(at, self.members[0], cid)
        PyMember_SetOne(at, self.members[1], name)
        PyMember_SetOne(at, self.members[2], status)
        PyMember_SetOne(at, self.members[3], raw_status)
        PyMember_SetOne(at, self.members[4], group)
        PyMember_SetOne(at, self.members[5], description)
        PyMember_SetOne(at, self.members[6], position)
        PyMember_SetOne(at, self.members[7], group_id)
        PyMember_SetOne(at, self.members[8], is_group)
        PyMember_SetOne(at, self.members[9], updated_at)
        PyMember_SetOne(at, self.members[10], raw)
        return obj


cdef object _row(xmlNode* el, cetree._Document doc, dict statuses, build, finish, component,
                 no_raw, group, bint is_group, Py_ssize_t position, ctx):
    """One component row (see scan_index)."""
    cdef const char* cid
    cdef const char* raw
    cdef const char* name
    cdef const char* description
    if not _fields(el, &cid, &raw, &name, &description):
        return component(cetree.elementFactory(doc, el), group, is_group, position, ctx)
    raw_status = _opt(raw)
    status = statuses.get(raw_status) if raw is not NULL and raw[0] != 0 else None
    clean = "" if name is NULL else _line(name)
    if cid is NULL or cid[0] == 0 or status is None or clean is None:
        return finish(_opt(cid), raw_status, _opt(name), _opt(description), group, is_group,
                      position, ctx)
    if is_group or group is None:
        group_name = group_id = None
    else:
        group_id, group_name = group
        is_group = False
    if type(build) is Maker and (<Maker>build).count == 11:
        return (<Maker>build).component(_str(cid), clean, status, raw_status, group_name,
                                        _opt(description), position, group_id, is_group,
                                        None, no_raw)
    return build(_str(cid), clean, status, raw_status, group_name, _opt(description), position,
                 group_id, is_group, None, no_raw)


cdef inline bint _ascii_space(char c) noexcept:
    # what str.split() splits ASCII text on
    return c == 32 or (9 <= c <= 13) or (28 <= c <= 31)


cdef int _has_token(const char* s, const char* token) noexcept:
    """1: *token* is one of the whitespace-separated words of *s*; 0: it is not; -1: *s* is
    not ASCII (str.split() splits on Unicode spaces too: the caller decides in Python)."""
    cdef size_t n = strlen(token)
    cdef size_t i = 0
    cdef size_t start
    cdef unsigned char c
    cdef int found = 0
    while True:
        c = <unsigned char>s[i]
        if c == 0:
            return found
        if c >= 128:
            return -1
        if _ascii_space(<char>c):
            i += 1
            continue
        start = i
        while s[i] != 0 and <unsigned char>s[i] < 128 and not _ascii_space(s[i]):
            i += 1
        if i - start == n and strncmp(s + start, token, n) == 0:
            found = 1


cdef object _MULTI = object()


cdef object _text(xmlNode* first):
    """The text held by the run of text nodes starting at *first* (lxml's .text / .tail):
    None when there is none; _MULTI when the run has more than one node."""
    if first is NULL or first.type != tree.XML_TEXT_NODE:
        return None
    if first.next is not NULL and first.next.type == tree.XML_TEXT_NODE:
        return _MULTI
    return "" if first.content is NULL else _str(<const char*>first.content)


cdef inline bint _leaf(xmlNode* n) noexcept:
    # an element without lxml children whose text is at most one node
    cdef xmlNode* t
    if n.type != tree.XML_ELEMENT_NODE or _lx_child(n) is not NULL:
        return False
    t = n.children
    return t is NULL or (t.type == tree.XML_TEXT_NODE and t.next is NULL)


cdef bint _shape(xmlNode* el) noexcept:
    """True when *el* has the shape _post reads (checked without building anything)."""
    cdef xmlNode* strong = _lx_child(el)
    cdef xmlNode* n
    cdef xmlNode* small
    cdef xmlNode* a
    cdef xmlNode* b
    cdef const char* t
    if strong is NULL or not _leaf(strong) or strong.ns is not NULL:
        return False
    if strcmp(<const char*>strong.name, "strong") != 0:
        return False
    if _ctext(strong.children, &t) < 0 or _ctext(strong.next, &t) < 0:
        return False
    n = _lx_next(strong)
    while n is not NULL and _lx_next(n) is not NULL:
        if n.ns is not NULL or not _leaf(n) or strcmp(<const char*>n.name, "br") != 0:
            return False
        if _ctext(n.next, &t) < 0:
            return False
        n = _lx_next(n)
    small = n
    if small is NULL or small.type != tree.XML_ELEMENT_NODE or small.ns is not NULL:
        return False
    if strcmp(<const char*>small.name, "small") != 0:
        return False
    a = _lx_child(small)
    b = _lx_next(a) if a is not NULL else NULL
    if a is NULL or b is NULL or _lx_next(b) is not NULL or not _leaf(a) or not _leaf(b):
        return False
    if (strcmp(<const char*>a.name, "script") == 0 or strcmp(<const char*>a.name, "style") == 0
            or strcmp(<const char*>b.name, "script") == 0 or strcmp(<const char*>b.name, "style") == 0):
        return False
    return (_ctext(small.children, &t) >= 0 and _ctext(a.children, &t) >= 0
            and _ctext(a.next, &t) >= 0 and _ctext(b.children, &t) >= 0
            and _ctext(b.next, &t) >= 0)


cdef object _post(xmlNode* el):
    """(strong text, its tail, tails of the <br> between, the five texts of the <small>) of a
    post shaped <strong>Word</strong> - body (<br> tail)* <small>a<x>b</x>c<y>d</y>e</small>,
    which _shape has checked."""
    cdef xmlNode* strong = _lx_child(el)
    cdef xmlNode* n = _lx_next(strong)
    cdef xmlNode* a
    cdef xmlNode* b
    tails = []
    while _lx_next(n) is not NULL:
        tails.append(_text(n.next))
        n = _lx_next(n)
    a = _lx_child(n)
    b = _lx_next(a)
    parts = (_text(n.children), _text(a.children), _text(a.next), _text(b.children), _text(b.next))
    return (_text(strong.children), _text(strong.next), tails, parts)


cdef const char* _EMPTY = ""


cdef int _ctext(xmlNode* first, const char** out) noexcept:
    """_text as C: 1 with *out* the text ("" for an empty node), 0 when there is none (*out*
    NULL), -1 when the run has more than one node."""
    out[0] = NULL
    if first is NULL or first.type != tree.XML_TEXT_NODE:
        return 0
    if first.next is not NULL and first.next.type == tree.XML_TEXT_NODE:
        return -1
    if first.content is NULL:
        out[0] = _EMPTY
    else:
        out[0] = <const char*>first.content
    return 1


cdef bint _plain(const char* s) noexcept:
    # printable ASCII and "\n" only: the text clean() reads in its usual branch
    cdef unsigned char c
    while True:
        c = <unsigned char>s[0]
        if c == 0:
            return True
        if not (32 <= c <= 126 or c == 10):
            return False
        s += 1


cdef bint _blank(const char* s) noexcept:
    # str.strip() leaves nothing of the ASCII text *s* (NULL: no text)
    if s is NULL:
        return True
    while s[0] != 0:
        if not _ascii_space(s[0]):
            return False
        s += 1
    return True


cdef const char* _lskip(const char* s) noexcept:
    while s[0] != 0 and _ascii_space(s[0]):
        s += 1
    return s


cdef size_t _rlen(const char* s, size_t n) noexcept:
    # the length of s[:n] without its trailing ASCII whitespace
    while n and _ascii_space(s[n - 1]):
        n -= 1
    return n


cdef void _escaped(list out, const char* s, size_t n):
    # _html._escape of s[:n], appended as text
    cdef size_t i, start = 0
    for i in range(n):
        if s[i] == 38 or s[i] == 60 or s[i] == 62:
            if i > start:
                out.append(PyUnicode_DecodeASCII(s + start, i - start, NULL))
            out.append("&amp;" if s[i] == 38 else "&lt;" if s[i] == 60 else "&gt;")
            start = i + 1
    if n > start:
        out.append(PyUnicode_DecodeASCII(s + start, n - start, NULL))


cdef str _clean(bytes text):
    """_text.clean of printable ASCII text with "\n" line breaks: spaces collapsed, lines
    trimmed, runs of blank lines kept as one."""
    cdef const char* s = PyBytes_AS_STRING(text)
    cdef size_t n = len(text)
    cdef bytes buf = PyBytes_FromStringAndSize(NULL, n)
    cdef char* out = PyBytes_AS_STRING(buf)
    cdef size_t i = 0
    cdef size_t k = 0
    cdef bint space = False  # a space is pending inside the line
    cdef bint line = False  # the line has text
    cdef bint blank = False  # a blank line lies between the last text and this line
    cdef bint any = False  # text was written
    cdef char c
    for i in range(n + 1):
        c = s[i] if i < n else 10
        if c == 10:
            if line:
                blank = False
            elif any:
                blank = True
            line = space = False
            continue
        if c == 32:
            space = line
            continue
        if not line:
            if any:
                out[k] = 10
                k += 1
                if blank:
                    out[k] = 10
                    k += 1
            line = True
            any = True
            blank = False
        elif space:
            out[k] = 32
            k += 1
        space = False
        out[k] = c
        k += 1
    return PyUnicode_DecodeASCII(out, k, NULL)


cdef int _digits(const char* s, size_t n) noexcept:
    # the value of n (1..4) ASCII digits, or -1
    cdef int v = 0
    cdef size_t i
    if n == 0 or n > 4:
        return -1
    for i in range(n):
        if not (48 <= s[i] <= 57):
            return -1
        v = v * 10 + (s[i] - 48)
    return v


cdef const char* _MONTH_NAMES = "janfebmaraprmayjunjulaugsepoctnovdec"


cdef object _when(const char* lead, const char* day, const char* day_tail, const char* clock,
                  const char* zone_text, reference, dict zones, at):
    """_sphtml._shown of ASCII texts (NULL: no text); None where that gives None."""
    cdef size_t n
    cdef int month = 0, d, hour, minute, i, year, delta
    cdef char m[3]
    if lead is NULL:
        return None
    lead = _lskip(lead)
    n = _rlen(lead, strlen(lead))
    if n < 3:
        return None
    for i in range(3):
        m[i] = lead[i] + 32 if 65 <= lead[i] <= 90 else lead[i]
    for i in range(12):
        if strncmp(m, _MONTH_NAMES + 3 * i, 3) == 0:
            month = i + 1
            break
    if not month or zone_text is NULL or clock is NULL or strlen(clock) != 5 or clock[2] != 58:
        return None
    zone_text = _lskip(zone_text)
    zone = zones.get(PyUnicode_DecodeASCII(zone_text, _rlen(zone_text, strlen(zone_text)), NULL))
    if zone is None or day_tail is NULL:
        return None
    day_tail = _lskip(day_tail)
    if _rlen(day_tail, strlen(day_tail)) != 1 or day_tail[0] != 44:
        return None
    if day is NULL:
        return None
    day = _lskip(day)
    d = _digits(day, _rlen(day, strlen(day)))
    hour = _digits(clock, 2)
    minute = _digits(clock + 3, 2)
    if d < 0 or hour < 0 or minute < 0:
        return None
    if zone is not _UTC or not PyDateTime_Check(reference):
        return at(reference, month, d, hour, minute, zone)
    # _sphtml.nearest_time in UTC: the year nearest the reference's
    if hour > 23 or minute > 59:
        return None
    year = PyDateTime_GET_YEAR(reference)
    delta = month - PyDateTime_GET_MONTH(reference)
    if delta == 6 or delta == -6:
        return at(reference, month, d, hour, minute, zone)  # half a year away: by the day
    if delta > 6:
        year -= 1
    elif delta < -6:
        year += 1
    try:
        return datetime_new(year, month, d, hour, minute, 0, 0, zone)
    except ValueError:
        return None


cdef object _full(xmlNode* el, reference, dict zones, at):
    """(word, html, text, time) of a post of the common shape (see _post) whose texts are all
    plain ASCII, as _sphtml_entries._updates reads it; None for anything else."""
    cdef xmlNode* strong = _lx_child(el)
    cdef xmlNode* small
    cdef xmlNode* n
    cdef xmlNode* a
    cdef xmlNode* b
    cdef const char* word
    cdef const char* lead
    cdef const char* tail
    cdef const char* t[5]
    cdef size_t size
    cdef int k, count = 0, end = 0
    # the texts, shape as _post checked it
    if _ctext(strong.children, &word) < 0 or _ctext(strong.next, &lead) < 0:
        return None
    n = _lx_next(strong)
    while _lx_next(n) is not NULL:
        count += 1
        if _ctext(n.next, &tail) < 0:
            return None
        if tail is not NULL:
            for k in range(<int>strlen(tail)):
                if <unsigned char>tail[k] >= 128:
                    return None
        if not _blank(tail):
            end = count  # the <br> after the last text that is not blank
        n = _lx_next(n)
    small = n
    a = _lx_child(small)
    b = _lx_next(a)
    if (_ctext(small.children, &t[0]) < 0 or _ctext(a.children, &t[1]) < 0
            or _ctext(a.next, &t[2]) < 0 or _ctext(b.children, &t[3]) < 0
            or _ctext(b.next, &t[4]) < 0):
        return None
    for k in range(5):
        if t[k] is not NULL and not _plain(t[k]):
            return None
    when = _when(t[0], t[1], t[2], t[3], t[4], reference, zones, at)
    if when is None:
        return None
    # the word: line(), or None when empty
    clean_word = None
    if word is not NULL:
        clean_word = _line(word)
        if clean_word is None:
            return None
        if not clean_word:
            clean_word = None
    # fragment(lead, <br>s, lead_mark="-\u2013\u2014")
    if lead is NULL:
        lead = _EMPTY
    for k in range(<int>strlen(lead)):
        if <unsigned char>lead[k] >= 128:
            return None
    lead = _lskip(lead)
    if lead[0] == 45:
        lead = _lskip(lead + 1)
    size = strlen(lead)
    html = []
    if end == 0:
        size = _rlen(lead, size)
        body = PyBytes_FromStringAndSize(lead, size)
        if not _plain(body):
            return None
        _escaped(html, lead, size)
        return (clean_word, "".join(html), _clean(body), when)
    text = []
    if size:
        _escaped(html, lead, size)
        text.append(PyBytes_FromStringAndSize(lead, size))
    n = _lx_next(strong)
    for k in range(end):
        _ctext(n.next, &tail)
        html.append("<br>")
        text.append(b"\n")
        if tail is not NULL and tail[0] != 0:
            size = strlen(tail)
            if k == end - 1:
                size = _rlen(tail, size)
            if size:
                _escaped(html, tail, size)
                text.append(PyBytes_FromStringAndSize(tail, size))
        n = _lx_next(n)
    joined = b"".join(text)
    if not _plain(joined):
        return None
    return (clean_word, "".join(html).strip(), _clean(joined), when)


def scan_posts(cetree._Element container, reference, dict zones, at):
    """(kind, value) of the ``div`` children of *container* that may be ``div.update`` posts,
    in order: kind 2, the post read whole (word, html, text, time) when it has the common
    shape and plain ASCII texts (and *reference* is not None); kind 1, its texts (see _post)
    for other posts of the common shape; kind 0, the element, for any other post or when the
    class needs Python's reading.  *zones* and *at* are _sphtml's _FIXED_ZONES and _at."""
    cdef xmlNode* n = container._c_node.children
    cdef const char* cls = NULL
    cdef int r
    cdef list out = []
    cdef cetree._Document doc = container._doc
    while n is not NULL:
        if _is_div(n):
            r = _attr(n, "class", &cls)
            if r < 0:
                out.append((0, cetree.elementFactory(doc, n)))
            elif r == 1:
                r = _has_token(cls, "update")
                if r < 0:
                    out.append((0, cetree.elementFactory(doc, n)))
                elif r == 1:
                    if not _shape(n):
                        out.append((0, cetree.elementFactory(doc, n)))
                    else:
                        full = _full(n, reference, zones, at) if reference is not None else None
                        out.append((2, full) if full is not None else (1, _post(n)))
        n = n.next
    return out


def read_posts(cetree._Element container, reference, dict zones, at, dict words, unknown,
               build, no_raw, Py_ssize_t limit, Py_ssize_t max_text):
    """The updates _sphtml_entries._updates makes of *container*, oldest first, when every post
    in it reads whole (kind 2 of scan_posts) and has a known status word (or "Update"), within
    *limit* posts and *max_text* characters; None otherwise (Python reads the container).
    *words* is UPDATE_WORDS, *unknown* IncidentStatus.UNKNOWN, *build* new_update."""
    cdef list out = []
    cdef list items
    cdef tuple item
    if reference is None:
        return None
    items = scan_posts(container, reference, zones, at)
    if len(items) > limit:
        return None
    last = unknown
    for item in reversed(items):
        if item[0] != 2:
            return None
        word, html, text, when = <tuple>item[1]
        if word is None:
            status = unknown
        else:
            low = word.lower()
            status = words.get(low)
            if status is None:
                if low != "update":
                    return None  # an unknown word: Python warns
                status = unknown
            if status is unknown and low == "update":
                status = last  # "Update": a post that left the status as it was
            else:
                last = status
        if len(text) > max_text:
            return None
        out.append(build(None, status, word, text, html or None, when, (), no_raw))
    return out


# -- the past-incident list ------------------------------------------------------------------

cdef int _child_div(xmlNode* el, const char* token, xmlNode** out) noexcept:
    """_sphtml_entries.child_div: 1 with *out* the first div child with class *token*, 0 when
    there is none, -1 when only Python can tell (a class it must decode)."""
    cdef xmlNode* n = _lx_child(el)
    cdef const char* v
    cdef int r
    out[0] = NULL
    while n is not NULL:
        if n.type == tree.XML_ELEMENT_NODE:
            r = _attr(n, "class", &v)
            if r < 0:
                return -1
            if r == 1 and v[0] != 0 and strstr(v, token) is not NULL and _is_div(n):
                r = _has_token(v, token)
                if r < 0:
                    return -1
                if r == 1:
                    out[0] = n
                    return 1
        n = _lx_next(n)
    return 0


cdef int _append_ascii(list out, const char* s) except -1:
    # append the ASCII text *s* (NULL: nothing) to *out* as bytes; 0 when not ASCII
    cdef size_t i = 0
    if s is NULL:
        return 1
    while s[i] != 0:
        if <unsigned char>s[i] >= 128:
            return 0
        i += 1
    if i:
        out.append(PyBytes_FromStringAndSize(s, i))
    return 1


cdef object _flat_text(xmlNode* el):
    """_html.text_of of an element whose children hold no elements, for ASCII text; None when
    Python must read it."""
    cdef xmlNode* n
    cdef const char* t
    cdef list parts = []
    if _ctext(el.children, &t) < 0 or not _append_ascii(parts, t):
        return None
    n = _lx_child(el)
    while n is not NULL:
        if _lx_child(n) is not NULL:
            return None
        if n.type == tree.XML_ELEMENT_NODE and not (
                n.ns is NULL and (strcmp(<const char*>n.name, "script") == 0
                                  or strcmp(<const char*>n.name, "style") == 0)):
            if _ctext(n.children, &t) < 0 or not _append_ascii(parts, t):
                return None
        if _ctext(n.next, &t) < 0 or not _append_ascii(parts, t):
            return None
        n = _lx_next(n)
    cdef bytes joined = b"".join(parts)
    return _line(joined)


def day_parts(cetree._Element day):
    """(date text, incident entries) of a ``div.status-day``, as read_index reads them (the
    text of its ``div.date``, its ``incident-container`` children); None when Python must."""
    cdef xmlNode* el = day._c_node
    cdef xmlNode* date
    cdef xmlNode* n
    cdef const char* v
    cdef int r = _child_div(el, "date", &date)
    cdef list entries = []
    if r < 0:
        return None
    text = "" if date is NULL else _flat_text(date)
    if text is None:
        return None
    n = _lx_child(el)
    while n is not NULL:
        if n.type == tree.XML_PI_NODE:
            return None  # lxml reads a processing instruction's pseudo-attributes
        if n.type == tree.XML_ELEMENT_NODE:
            r = _attr(n, "class", &v)
            if r < 0:
                return None
            if r == 1 and v[0] != 0 and strstr(v, "incident-container") is not NULL:
                r = _has_token(v, "incident-container")
                if r < 0:
                    return None
                if r == 1:
                    entries.append(cetree.elementFactory(day._doc, n))
        n = _lx_next(n)
    return text, entries


def past_entry(cetree._Element entry):
    """(href, title, impact word or None, updates container or None) of a past-incident entry
    of the usual shape (a ``div.incident-title`` whose first child is the ``<a>`` link, with
    plain text), as read_past reads it; None when Python must read it."""
    cdef xmlNode* el = entry._c_node
    cdef xmlNode* title
    cdef xmlNode* link
    cdef xmlNode* box
    cdef const char* v
    cdef const char* t
    cdef size_t i, start
    if _child_div(el, "incident-title", &title) != 1:
        return None
    link = _lx_child(title)
    if (link is NULL or link.type != tree.XML_ELEMENT_NODE or link.ns is not NULL
            or strcmp(<const char*>link.name, "a") != 0 or _lx_child(link) is not NULL):
        return None
    r = _attr(link, "href", &v)
    if r < 0:
        return None
    href = _str(v) if r == 1 else None
    if _ctext(link.children, &t) < 0 or t is NULL:
        return None
    text = _line(t)
    if not text:
        return None  # not ASCII, or empty (the link's title then)
    if _child_div(el, "updates-container", &box) < 0:
        return None
    # first_class(title, "impact-"): the class is ASCII (_child_div split it)
    word = None
    _attr(title, "class", &v)
    i = 0
    while v[i] != 0 and word is None:
        while v[i] != 0 and _ascii_space(v[i]):
            i += 1
        start = i
        while v[i] != 0 and not _ascii_space(v[i]):
            i += 1
        if i - start > 7 and strncmp(v + start, "impact-", 7) == 0:
            word = PyUnicode_DecodeASCII(v + start + 7, i - start - 7, NULL)
    return href, text, word, None if box is NULL else cetree.elementFactory(entry._doc, box)


def deeper_than(cetree._Element root, int levels):
    """True when an element lies *levels* or more levels below *root* (what the XPath
    ``*/*/.../*`` with *levels* steps finds), by one walk over the elements."""
    cdef xmlNode* top = root._c_node
    cdef xmlNode* n = top
    cdef xmlNode* nxt
    cdef int depth = 0
    if levels <= 0:
        return True
    while True:
        # down to the first element child
        nxt = _element(n.children) if n.type == tree.XML_ELEMENT_NODE else NULL
        if nxt is not NULL:
            depth += 1
            if depth >= levels:
                return True
            n = nxt
            continue
        # else the next element sibling, climbing as needed
        while True:
            if n is top:
                return False
            nxt = _element(n.next)
            if nxt is not NULL:
                n = nxt
                break
            n = n.parent
            depth -= 1


# -- the markup pre-check (statuskit._markup.crowded_element) ---------------------------------

cdef inline bint _space(unsigned char c) noexcept:
    # what \s matches in a bytes pattern
    return c == 32 or (9 <= c <= 13)


cdef inline bint _separator(unsigned char c) noexcept:
    # a byte no attribute of _markup._ATTRIBUTE starts with
    return _space(c) or c == 34 or c == 39 or c == 62 or c == 47 or c == 61


cdef bint _name_end[256]
cdef bint _area_stop[256]
for _c in range(256):
    # a tag name ends at \s / > " ' (_markup._TAG); an attribute area stops at > " '
    _name_end[_c] = _space(_c) or _c in (34, 39, 47, 62)
    _area_stop[_c] = _c in (34, 39, 62)


cdef inline unsigned char _lower(unsigned char c) noexcept:
    return c + 32 if 65 <= c <= 90 else c


cdef inline bint _word_at(const unsigned char* s, Py_ssize_t at, Py_ssize_t n,
                          const char* word, Py_ssize_t size) noexcept:
    # *word* (lower case) at s[at:], in any ASCII case
    cdef Py_ssize_t k
    if at + size > n:
        return False
    for k in range(size):
        if _lower(s[at + k]) != <unsigned char>word[k]:
            return False
    return True


cdef Py_ssize_t _raw_end(const unsigned char* s, Py_ssize_t at, Py_ssize_t n) noexcept:
    # the end of the first "</script" or "</style" (any case) at or after *at*, or n
    cdef const unsigned char* hit
    while at < n:
        hit = <const unsigned char*>memchr(s + at, 60, n - at)
        if hit is NULL:
            return n
        at = hit - s
        if at + 1 < n and s[at + 1] == 47:
            if _word_at(s, at + 2, n, "script", 6):
                return at + 8
            if _word_at(s, at + 2, n, "style", 5):
                return at + 7
        at += 1
    return n


cdef Py_ssize_t _attributes(const unsigned char* s, Py_ssize_t j, Py_ssize_t end,
                            Py_ssize_t limit) noexcept:
    """How many matches _markup._ATTRIBUTE finds in s[j:end] (finditer), counting stops past
    *limit*."""
    cdef Py_ssize_t count = 0
    cdef Py_ssize_t k, q
    cdef unsigned char quote
    while j < end:
        if _separator(s[j]):
            j += 1
            continue
        count += 1
        if count > limit:
            return count
        j += 1
        while j < end and not _separator(s[j]):
            j += 1
        # (?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?
        k = j
        while k < end and _space(s[k]):
            k += 1
        if k >= end or s[k] != 61:
            continue
        k += 1
        while k < end and _space(s[k]):
            k += 1
        if k < end and (s[k] == 34 or s[k] == 39):
            quote = s[k]
            q = k + 1
            while q < end and s[q] != quote:
                q += 1
            # a value that never closes: the unquoted alternative matches nothing there
            j = q + 1 if q < end else k
            continue
        while k < end and not (_space(s[k]) or s[k] == 34 or s[k] == 39 or s[k] == 62):
            k += 1
        j = k
    return count


cdef Py_ssize_t _area_end(const unsigned char* s, Py_ssize_t area, Py_ssize_t n,
                          Py_ssize_t limit, Py_ssize_t values_cap) noexcept:
    """The offset of the ">" ending the attribute area that starts at *area*, read as
    _markup's tokenizer reads it, when the tag it ends holds at most *limit* attributes; -1
    when that is not shown (the input or a value ends first, or the area may be crowded)."""
    cdef Py_ssize_t i = area
    cdef Py_ssize_t values = 0
    cdef unsigned char c
    cdef const unsigned char* hit
    while True:
        while i < n and not _area_stop[s[i]]:
            i += 1
        if i >= n:
            return -1  # the input ends inside the tag
        c = s[i]
        if c == 62:
            break
        # a quoted value, up to its closing quote
        values += 1
        hit = <const unsigned char*>memchr(s + i + 1, c, n - i - 1)
        if hit is NULL:
            return -1  # a value that never closes
        i = hit - s + 1
    # a short area holds fewer attributes than bytes; a long one is counted as
    # _markup._too_many counts (more quoted values than the tokenizer repeats: the
    # tokenizer ended the area early, and Python reads it)
    if i + 1 - area > limit and (values >= values_cap or _attributes(s, area, i + 1, limit) > limit):
        return -1
    return i


cdef bint _raw_tags_clear(const unsigned char* s, Py_ssize_t n, Py_ssize_t limit,
                          Py_ssize_t values_cap) noexcept:
    """_markup._raw_crowded finds nothing: every ``<script`` or ``<style`` start tag, wherever
    it stands (found as re.finditer finds them), holds at most *limit* attributes."""
    cdef Py_ssize_t p = 0
    cdef Py_ssize_t i, end
    cdef const unsigned char* hit
    while p < n:
        hit = <const unsigned char*>memchr(s + p, 60, n - p)
        if hit is NULL:
            return True
        i = hit - s + 1
        if (_word_at(s, i, n, "script", 6) and i + 6 < n
                and (_space(s[i + 6]) or s[i + 6] == 47 or s[i + 6] == 62)):
            i += 6
        elif (_word_at(s, i, n, "style", 5) and i + 5 < n
                and (_space(s[i + 5]) or s[i + 5] == 47 or s[i + 5] == 62)):
            i += 5
        else:
            p = i
            continue
        end = _area_end(s, i, n, limit, values_cap)
        if end < 0:
            return False
        p = end + 1
    return True


def markup_clear(bytes data, Py_ssize_t limit):
    """True when no tag of *data* can hold more than *limit* attributes, read as
    statuskit._markup's HTML check reads bytes: every tag's attribute area (the tokenizer's,
    and those of script and style start tags wherever they stand) ends with its ">" and holds
    at most *limit* attributes.  False means "not shown here" (the Python check decides).
    Linear: one pass over the tokens, one over the "<"."""
    cdef const unsigned char* s = <const unsigned char*>(<char*>data)
    cdef Py_ssize_t n = len(data)
    cdef Py_ssize_t p = 0
    cdef Py_ssize_t i, q, area
    cdef Py_ssize_t values_cap = min(limit, 100_000) + 8  # _markup._bound: the tokenizer's
    cdef unsigned char c
    cdef const unsigned char* hit
    while True:
        # the next "<": only there can a token start
        if p >= n:
            break
        hit = <const unsigned char*>memchr(s + p, 60, n - p)
        if hit is NULL:
            break
        p = hit - s
        i = p + 1
        if i >= n:
            break  # a "<" at the very end starts no token
        c = s[i]
        if c == 33:  # "!": a comment or a declaration
            if i + 2 < n and s[i + 1] == 45 and s[i + 2] == 45:
                q = i + 3
                while q + 2 < n and not (s[q] == 45 and s[q + 1] == 45 and s[q + 2] == 62):
                    q += 1
                p = q + 3 if q + 2 < n else n
            else:
                q = i + 1
                while q < n and s[q] != 62:
                    q += 1
                p = q + 1 if q < n else n
            continue
        if (_word_at(s, i, n, "script", 6) and i + 6 < n
                and (_space(s[i + 6]) or s[i + 6] == 47 or s[i + 6] == 62)):
            p = _raw_end(s, i + 6, n)
            continue
        if (_word_at(s, i, n, "style", 5) and i + 5 < n
                and (_space(s[i + 5]) or s[i + 5] == 47 or s[i + 5] == 62)):
            p = _raw_end(s, i + 5, n)
            continue
        if not ((97 <= _lower(c) <= 122) or c == 95 or c == 58 or c == 47):
            p = i  # no token starts here: search on from the next byte
            continue
        # a tag: its name, then its attribute area up to its ">"
        i += 1
        while i < n and not _name_end[s[i]]:
            i += 1
        area = i
        i = _area_end(s, area, n, limit, values_cap)
        if i < 0:
            return False
        p = i + 1
    # every token is clear: then the script and style start tags, wherever they stand
    return _raw_tags_clear(s, n, limit, values_cap)
