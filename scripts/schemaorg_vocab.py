"""Vendor schema.org's vocabulary for the JSON-LD tests: every type and the properties it
may carry (its own and inherited), read from the `schema-dts` npm package's typings.

    npm pack schema-dts@2.1.0 && tar xzf schema-dts-2.1.0.tgz
    python scripts/schemaorg_vocab.py package/dist/schema.d.ts > tests/fixtures/schemaorg/vocabulary.json
"""

import json
import re
import sys
from pathlib import Path

BASE = re.compile(r"^interface (\w+)Base(?: extends ([^{]+))? \{", re.M)
LEAF = re.compile(r'^export interface (\w+)Leaf extends ([^{]+) \{\s*"@type": "(\w+)"', re.M)
# Roles are generic: `type OrganizationRoleLeaf<…> = Omit<OrganizationRoleBase, …> & {"@type": …}`.
ROLE = re.compile(r'^export type (\w+)Leaf<[^=]+= Omit<(\w+)Base, \w+> & \{\s*"@type": "(\w+)"', re.M)
PROP = re.compile(r'^    "(\w+)"\?:', re.M)


def bases_of(extends):
    return [b.strip().removesuffix("Base") for b in extends.split(",")
            if b.strip().endswith("Base")]


def main(path):
    text = Path(path).read_text(encoding="utf-8")
    bases = {}
    for match in BASE.finditer(text):
        body = text[match.end(): text.index("\n}", match.end())]
        bases[match.group(1)] = (bases_of(match.group(2) or ""), PROP.findall(body))
    leaves = {m.group(3): bases_of(m.group(2)) for m in LEAF.finditer(text)}
    leaves.update({m.group(3): [m.group(2)] for m in ROLE.finditer(text)})

    # Compact: each base once with its own properties; a type names the bases it extends.
    json.dump({
        "source": "schema-dts 2.1.0",
        "bases": {name: {"extends": parents, "properties": sorted(own)} for name, (parents, own) in bases.items()},
        "types": leaves,
    }, sys.stdout, separators=(",", ":"), sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
