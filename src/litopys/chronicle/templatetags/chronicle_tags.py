"""Template tags of the public site.

``{% localcache "name" value… %}…{% endlocalcache %}`` keeps what its block renders in this process's
memory, keyed by its name, the active language and the values given. It is for parts of the layout that
depend on nothing else — the header, the footer — so every page skips re-translating them.
"""

from collections import OrderedDict

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()
#: Rendered blocks held per process; the oldest go first.
LIMIT = 2048
_blocks: OrderedDict[tuple, str] = OrderedDict()


class LocalCacheNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist = nodelist
        self.name = name
        self.values = values

    def render(self, context):
        key = (self.name.resolve(context), get_language(), *(value.resolve(context) for value in self.values))
        found = _blocks.get(key)
        if found is None:
            found = self.nodelist.render(context)
            _blocks[key] = found
            while len(_blocks) > LIMIT:
                _blocks.popitem(last=False)
        return mark_safe(found)


@register.tag
def localcache(parser, token):
    """Keep a block's rendering in memory, keyed by the language and the values given."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% localcache %} needs a name, e.g. {% localcache \"header\" %}")
    nodelist = parser.parse(("endlocalcache",))
    parser.delete_first_token()
    return LocalCacheNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])


def clear() -> None:
    _blocks.clear()
