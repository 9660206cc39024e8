"""string helper module (Spry: the format-string parser in Python, with
CPython's error messages)."""


def formatter_parser(s):
    """Yield (literal_text, field_name, format_spec, conversion) tuples."""
    if not isinstance(s, str):
        raise TypeError("expected str, got %s" % type(s).__name__)
    i = 0
    n = len(s)
    literal = []
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                # An escaped brace ends a literal chunk (CPython's
                # MarkupIterator yields the text up to and with it).
                literal.append('{')
                yield (''.join(literal), None, None, None)
                literal = []
                i += 2
                continue
            if i + 1 >= n:
                raise ValueError("Single '{' encountered in format string")
            # a replacement field
            depth = 1
            j = i + 1
            while j < n and depth:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if not depth:
                        break
                j += 1
            if depth:
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j]
            name, conv, spec = _split_field(field)
            yield (''.join(literal), name, spec, conv)
            literal = []
            i = j + 1
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                yield (''.join(literal), None, None, None)
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        yield (''.join(literal), None, None, None)


def _split_field(field):
    # field_name[!conversion][:format_spec]; brackets in the name may hold ':' or '!'
    i = 0
    n = len(field)
    while i < n:
        c = field[i]
        if c == '[':
            j = field.find(']', i)
            if j < 0:
                break
            i = j + 1
            continue
        if c in '!:':
            break
        i += 1
    name = field[:i]
    conv = None
    spec = ''
    if i < n and field[i] == '!':
        if i + 1 >= n:
            raise ValueError("end of string while looking for conversion specifier")
        conv = field[i + 1]
        i += 2
        if i < n:
            if field[i] != ':':
                raise ValueError("expected ':' after conversion specifier")
    if i < n and field[i] == ':':
        spec = field[i + 1:]
    return name, conv, spec


def formatter_field_name_split(field_name):
    """Split 'a.b[c]' into ('a', iterator of (is_attr, key))."""
    i = 0
    n = len(field_name)
    while i < n and field_name[i] not in '.[':
        i += 1
    first = field_name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        c = field_name[i]
        if c == '.':
            j = i + 1
            while j < n and field_name[j] not in '.[':
                j += 1
            name = field_name[i + 1:j]
            if not name:
                raise ValueError("Empty attribute in format string")
            rest.append((True, name))
            i = j
        elif c == '[':
            j = field_name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = field_name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and field_name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, iter(rest)
