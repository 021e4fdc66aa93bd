import json, sys
sys.path.insert(0, '/work/wt/office/scripts-tmp')
from de_en import de, en
from tr import tr
from ar import ar
from ro_bg import ro, bg
FORMS = {"zero","one","two","few","many","other"}
def flatten(d):
    out = {}
    for k, v in d.items():
        if isinstance(v, dict) and v and set(v.keys()) <= FORMS and "other" in v:
            for f, s in v.items(): out[f"{k}_{f}"] = s
        elif isinstance(v, dict):
            out[k] = flatten(v)
        else:
            out[k] = v
    return out
def keys(d, prefix=''):
    r=set()
    for k,v in d.items():
        if isinstance(v, dict): r |= keys(v, prefix+k+'.')
        else: r.add(prefix+k)
    return r
import re
def base(k): return re.sub(r'_(zero|one|two|few|many|other)$','',k)
ref = {base(k) for k in keys(flatten(de))}
for name, data in [('de',de),('en',en),('tr',tr),('ar',ar),('ro',ro),('bg',bg)]:
    flat = flatten(data)
    ks = {base(k) for k in keys(flat)}
    if ks != ref: print(name, 'missing', sorted(ref-ks), 'extra', sorted(ks-ref))
    with open(f'/work/wt/office/app/locales/{name}/admin.json','w') as f:
        json.dump(flat, f, ensure_ascii=False, indent=2); f.write('\n')
print('done')
