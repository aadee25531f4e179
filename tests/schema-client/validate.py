#!/usr/bin/env python3
"""Validates JSON instances against a JSON Schema (draft 2020-12 or draft-07).

usage: validate.py SCHEMA INSTANCE [INSTANCE...]

Prints one line per instance, "valid PATH" or "invalid PATH: PROBLEM" (PROBLEM: the JSON path
and message of the best-matching error), and exits 0 when every instance is valid, 1 when one
is not, 2 when it cannot run (bad usage, no jsonschema, unreadable files, a bad schema).
"""
import json
import sys


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        import jsonschema
        from jsonschema.exceptions import best_match
    except ImportError as e:
        print(f"validate.py: cannot import jsonschema ({e}); install python3-jsonschema",
              file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
        validator = validator_class(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        print(f"validate.py: {argv[1]}: {e}", file=sys.stderr)
        return 2

    all_valid = True
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                instance = json.load(f)
        except (OSError, ValueError) as e:
            print(f"validate.py: {path}: {e}", file=sys.stderr)
            return 2
        error = best_match(validator.iter_errors(instance))
        if error is None:
            print(f"valid {path}")
        else:
            all_valid = False
            where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}"
                                  for p in error.absolute_path)
            message = error.message.replace("\n", " ")
            print(f"invalid {path}: {where}: {message}")
    return 0 if all_valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
