# Written by `python -m factcheck.kinds.schema` from the kinds' schema; do not edit.
# factcheck/rules.py uses `check` when SCHEMA_DIGEST is the running schema's, else compiles one.
# fmt: off
SCHEMA_DIGEST = 'f9e861cd64f84b8c5eb69e1b67247d935b4b02aa30c13c6fa468493c1e85c67b'
VERSION = "2.22.3"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^[0-9]+(\\.[0-9]+)?%$': re.compile('^[0-9]+(\\.[0-9]+)?%\\Z'),
    '^[a-z0-9][a-z0-9._-]*$': re.compile('^[a-z0-9][a-z0-9._-]*\\Z')
}

NoneType = type(None)

def validate_https___factcheck_invalid_schema_rule_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factcheck.invalid/schema/rule.schema.json', 'title': 'factcheck rule file', 'description': "One rule per file; the file stem is the rule id. A file of kind 'entities' declares shared entities instead of a rule. See docs/rules.md.", 'type': 'object', 'required': ['kind'], 'properties': {'kind': {'enum': ['number', 'date', 'set', 'status', 'count', 'duration', 'derived', 'entities'], 'description': 'What the rule compares.'}, 'description': {'type': 'string', 'minLength': 1, 'description': 'One line shown in reports.'}, 'level': {'enum': ['error', 'warning', 'info'], 'description': 'Level of a disagreement (default error).'}, 'subjects': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, 'description': 'Entity ids a claim may be about; who a value is about is read as docs/rules.md (Subjects) says.'}, 'entities': {'type': 'array', 'items': {'type': 'object', 'required': ['id'], 'additionalProperties': False, 'properties': {'id': {'$ref': 'https://factcheck.invalid/schema/rule.schema.json#/$defs/id'}, 'name': {'type': 'string'}, 'aliases': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}}, 'examples': {'type': 'array', 'items': {'type': 'object', 'required': ['text', 'expect'], 'additionalProperties': False, 'properties': {'text': {'type': 'string'}, 'published': {'type': 'string'}, 'lang': {'type': 'string', 'minLength': 1, 'description': "The outlet's locale, as an article's front-matter lang (zh-HK: a bare 元 is HKD)."}, 'expect': {'type': 'object', 'additionalProperties': {'type': ['string', 'number', 'null']}}}}}, 'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'window': {'type': 'integer', 'minimum': 0, 'maximum': 200}, 'value': {'enum': ['percent', 'money', 'pp']}, 'sign': {'type': 'object', 'additionalProperties': False, 'properties': {'up': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}}, 'metric': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'qualifiers': {'type': 'array', 'uniqueItems': True, 'items': {'enum': ['period', 'year', 'basis', 'measure', 'accounting']}, 'description': 'Built-in qualifiers to read, with the shipped words (factcheck/data/qualifiers.yaml).'}, 'tolerance': {'oneOf': [{'type': 'number', 'minimum': 0}, {'type': 'string', 'pattern': '^[0-9]+(\\.[0-9]+)?%$'}], 'description': "Extra slack: a number in the value's unit (0.01), or a share of the value (0.5%)."}, 'running': {'type': 'boolean', 'description': 'A running total that only grows (a box office so far, sign-ups): its readings are taken at different times, so values that differ are shown side by side (info), never a disagreement.'}, 'rounded_level': {'enum': ['error', 'warning', 'info'], 'description': "Level of a `rounded` finding: one figure written at different precisions (default: the configuration's rounded_level, else warning)."}, 'trigger': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'scope': {'enum': ['clause', 'after', 'before', 'sentence']}, 'members': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}}, 'exclude': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}}, 'omission_level': {'enum': ['error', 'warning', 'info']}, 'partial_level': {'enum': ['error', 'warning', 'info']}, 'states': {'type': 'object', 'minProperties': 2, 'additionalProperties': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}}, 'compatible': {'type': 'array', 'items': {'type': 'array', 'minItems': 2, 'items': {'type': 'string'}}}, 'progression': {'type': 'boolean'}, 'units': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'bare': {'type': 'boolean', 'description': "Numbers written in digits without a unit word count too, in the rule's unit (票房100亿)."}, 'relation': {'enum': ['previous-close', 'prior-period', 'total'], 'description': 'previous-close / prior-period: part ÷ (1 + change); total: part ÷ share.'}, 'part': {'type': 'object', 'additionalProperties': False, 'required': ['cue'], 'properties': {'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'value': {'enum': ['money', 'percent']}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, 'description': 'The value given: a price, an amount, a part (cue words before it).'}, 'change': {'type': 'object', 'additionalProperties': False, 'required': ['cue'], 'properties': {'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'value': {'enum': ['money', 'percent']}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, 'description': 'The percent it moved by (down words make it negative), or its share of the total.'}, 'skip': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'keep': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'context': {'type': 'object', 'description': 'Qualifiers: name → value → words that signal it.', 'additionalProperties': {'type': 'object', 'minProperties': 1, 'additionalProperties': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}}, 'context_scope': {'type': 'object', 'description': "How far to look for each context qualifier, and for the day: clause, head (clause, then the sentence's lead-in), run (nearest before the value in the sentence), sentence or paragraph (default; the day's default is sentence).", 'additionalProperties': {'enum': ['clause', 'head', 'run', 'sentence', 'paragraph']}}, 'context_default': {'type': 'object', 'description': 'The value a qualifier takes when no word signals one (else it is unknown).', 'additionalProperties': {'type': 'string', 'minLength': 1}}, 'require': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'description': 'Qualifiers a claim must state to be compared; claims without one are listed as incomplete.'}, 'day': {'oneOf': [{'type': 'boolean'}, {'type': 'object', 'additionalProperties': False, 'properties': {'fallback': {'enum': ['publish', 'none']}, 'timezone_from': {'type': 'string'}, 'timezones': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}]}}, 'allOf': [{'if': {'properties': {'kind': {'const': 'entities'}}}, 'then': {'required': ['entities'], 'propertyNames': {'enum': ['kind', 'description', 'entities']}}}, {'if': {'properties': {'kind': {'const': 'number'}}}, 'then': {'required': ['description', 'value', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'value', 'sign', 'metric', 'qualifiers', 'tolerance', 'running', 'rounded_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}}, {'if': {'properties': {'kind': {'const': 'date'}}}, 'then': {'required': ['description', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}}, {'if': {'properties': {'kind': {'const': 'set'}}}, 'then': {'required': ['description', 'trigger'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'trigger', 'scope', 'members', 'exclude', 'omission_level', 'partial_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}}, {'if': {'properties': {'kind': {'const': 'status'}}}, 'then': {'required': ['description', 'states'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'states', 'compatible', 'progression', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}}, {'if': {'properties': {'kind': {'const': 'count'}}}, 'then': {'required': ['description', 'cue', 'units'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'units', 'bare', 'window', 'qualifiers', 'tolerance', 'running', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}}, {'if': {'properties': {'kind': {'const': 'duration'}}}, 'then': {'required': ['description', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}}, {'if': {'properties': {'kind': {'const': 'derived'}}}, 'then': {'required': ['description', 'relation', 'part', 'change'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'relation', 'part', 'change', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}}], '$defs': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, 'words': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'words_or_regex': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}]}, 'entity': {'type': 'object', 'required': ['id'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, 'name': {'type': 'string'}, 'aliases': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}, 'example': {'type': 'object', 'required': ['text', 'expect'], 'additionalProperties': False, 'properties': {'text': {'type': 'string'}, 'published': {'type': 'string'}, 'lang': {'type': 'string', 'minLength': 1, 'description': "The outlet's locale, as an article's front-matter lang (zh-HK: a bare 元 is HKD)."}, 'expect': {'type': 'object', 'additionalProperties': {'type': ['string', 'number', 'null']}}}}}}, rule='type')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'entities'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be same as const definition: entities", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'const': 'entities'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['entities']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['entities'], 'propertyNames': {'enum': ['kind', 'description', 'entities']}}, rule='required')
            data_len = len(data)
            if data_len != 0:
                data_property_names = True
                for data_key in data:
                    try:
                        if not (isinstance(data_key, str) and data_key == 'kind' or isinstance(data_key, str) and data_key == 'description' or isinstance(data_key, str) and data_key == 'entities'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['kind', 'description', 'entities']", value=data_key, name="" + (name_prefix or "data") + "", definition={'enum': ['kind', 'description', 'entities']}, rule='enum')
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        data_property_names = False
                if not data_property_names:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition", value=data, name="" + (name_prefix or "data") + "", definition={'required': ['entities'], 'propertyNames': {'enum': ['kind', 'description', 'entities']}}, rule='propertyNames')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'number'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be same as const definition: number", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'const': 'number'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['description', 'value', 'cue']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'value', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'value', 'sign', 'metric', 'qualifiers', 'tolerance', 'running', 'rounded_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}, rule='required')
            data_len = len(data)
            if data_len != 0:
                data_property_names = True
                for data_key in data:
                    try:
                        if not (isinstance(data_key, str) and data_key == 'kind' or isinstance(data_key, str) and data_key == 'description' or isinstance(data_key, str) and data_key == 'level' or isinstance(data_key, str) and data_key == 'subjects' or isinstance(data_key, str) and data_key == 'entities' or isinstance(data_key, str) and data_key == 'examples' or isinstance(data_key, str) and data_key == 'cue' or isinstance(data_key, str) and data_key == 'window' or isinstance(data_key, str) and data_key == 'value' or isinstance(data_key, str) and data_key == 'sign' or isinstance(data_key, str) and data_key == 'metric' or isinstance(data_key, str) and data_key == 'qualifiers' or isinstance(data_key, str) and data_key == 'tolerance' or isinstance(data_key, str) and data_key == 'running' or isinstance(data_key, str) and data_key == 'rounded_level' or isinstance(data_key, str) and data_key == 'skip' or isinstance(data_key, str) and data_key == 'keep' or isinstance(data_key, str) and data_key == 'context' or isinstance(data_key, str) and data_key == 'context_scope' or isinstance(data_key, str) and data_key == 'context_default' or isinstance(data_key, str) and data_key == 'require' or isinstance(data_key, str) and data_key == 'day'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'value', 'sign', 'metric', 'qualifiers', 'tolerance', 'running', 'rounded_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']", value=data_key, name="" + (name_prefix or "data") + "", definition={'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'value', 'sign', 'metric', 'qualifiers', 'tolerance', 'running', 'rounded_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}, rule='enum')
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        data_property_names = False
                if not data_property_names:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition", value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'value', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'value', 'sign', 'metric', 'qualifiers', 'tolerance', 'running', 'rounded_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}, rule='propertyNames')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'date'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be same as const definition: date", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'const': 'date'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['description', 'cue']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}, rule='required')
            data_len = len(data)
            if data_len != 0:
                data_property_names = True
                for data_key in data:
                    try:
                        if not (isinstance(data_key, str) and data_key == 'kind' or isinstance(data_key, str) and data_key == 'description' or isinstance(data_key, str) and data_key == 'level' or isinstance(data_key, str) and data_key == 'subjects' or isinstance(data_key, str) and data_key == 'entities' or isinstance(data_key, str) and data_key == 'examples' or isinstance(data_key, str) and data_key == 'cue' or isinstance(data_key, str) and data_key == 'skip' or isinstance(data_key, str) and data_key == 'keep' or isinstance(data_key, str) and data_key == 'context' or isinstance(data_key, str) and data_key == 'context_scope' or isinstance(data_key, str) and data_key == 'context_default' or isinstance(data_key, str) and data_key == 'require'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']", value=data_key, name="" + (name_prefix or "data") + "", definition={'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}, rule='enum')
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        data_property_names = False
                if not data_property_names:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition", value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}, rule='propertyNames')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'set'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be same as const definition: set", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'const': 'set'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['description', 'trigger']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'trigger'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'trigger', 'scope', 'members', 'exclude', 'omission_level', 'partial_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}, rule='required')
            data_len = len(data)
            if data_len != 0:
                data_property_names = True
                for data_key in data:
                    try:
                        if not (isinstance(data_key, str) and data_key == 'kind' or isinstance(data_key, str) and data_key == 'description' or isinstance(data_key, str) and data_key == 'level' or isinstance(data_key, str) and data_key == 'subjects' or isinstance(data_key, str) and data_key == 'entities' or isinstance(data_key, str) and data_key == 'examples' or isinstance(data_key, str) and data_key == 'trigger' or isinstance(data_key, str) and data_key == 'scope' or isinstance(data_key, str) and data_key == 'members' or isinstance(data_key, str) and data_key == 'exclude' or isinstance(data_key, str) and data_key == 'omission_level' or isinstance(data_key, str) and data_key == 'partial_level' or isinstance(data_key, str) and data_key == 'skip' or isinstance(data_key, str) and data_key == 'keep' or isinstance(data_key, str) and data_key == 'context' or isinstance(data_key, str) and data_key == 'context_scope' or isinstance(data_key, str) and data_key == 'context_default' or isinstance(data_key, str) and data_key == 'require'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'trigger', 'scope', 'members', 'exclude', 'omission_level', 'partial_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']", value=data_key, name="" + (name_prefix or "data") + "", definition={'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'trigger', 'scope', 'members', 'exclude', 'omission_level', 'partial_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}, rule='enum')
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        data_property_names = False
                if not data_property_names:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition", value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'trigger'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'trigger', 'scope', 'members', 'exclude', 'omission_level', 'partial_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}, rule='propertyNames')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'status'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be same as const definition: status", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'const': 'status'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['description', 'states']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'states'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'states', 'compatible', 'progression', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}, rule='required')
            data_len = len(data)
            if data_len != 0:
                data_property_names = True
                for data_key in data:
                    try:
                        if not (isinstance(data_key, str) and data_key == 'kind' or isinstance(data_key, str) and data_key == 'description' or isinstance(data_key, str) and data_key == 'level' or isinstance(data_key, str) and data_key == 'subjects' or isinstance(data_key, str) and data_key == 'entities' or isinstance(data_key, str) and data_key == 'examples' or isinstance(data_key, str) and data_key == 'states' or isinstance(data_key, str) and data_key == 'compatible' or isinstance(data_key, str) and data_key == 'progression' or isinstance(data_key, str) and data_key == 'skip' or isinstance(data_key, str) and data_key == 'keep' or isinstance(data_key, str) and data_key == 'context' or isinstance(data_key, str) and data_key == 'context_scope' or isinstance(data_key, str) and data_key == 'context_default' or isinstance(data_key, str) and data_key == 'require' or isinstance(data_key, str) and data_key == 'day'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'states', 'compatible', 'progression', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']", value=data_key, name="" + (name_prefix or "data") + "", definition={'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'states', 'compatible', 'progression', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}, rule='enum')
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        data_property_names = False
                if not data_property_names:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition", value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'states'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'states', 'compatible', 'progression', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}, rule='propertyNames')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'count'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be same as const definition: count", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'const': 'count'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['description', 'cue', 'units']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'cue', 'units'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'units', 'bare', 'window', 'qualifiers', 'tolerance', 'running', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}, rule='required')
            data_len = len(data)
            if data_len != 0:
                data_property_names = True
                for data_key in data:
                    try:
                        if not (isinstance(data_key, str) and data_key == 'kind' or isinstance(data_key, str) and data_key == 'description' or isinstance(data_key, str) and data_key == 'level' or isinstance(data_key, str) and data_key == 'subjects' or isinstance(data_key, str) and data_key == 'entities' or isinstance(data_key, str) and data_key == 'examples' or isinstance(data_key, str) and data_key == 'cue' or isinstance(data_key, str) and data_key == 'units' or isinstance(data_key, str) and data_key == 'bare' or isinstance(data_key, str) and data_key == 'window' or isinstance(data_key, str) and data_key == 'qualifiers' or isinstance(data_key, str) and data_key == 'tolerance' or isinstance(data_key, str) and data_key == 'running' or isinstance(data_key, str) and data_key == 'skip' or isinstance(data_key, str) and data_key == 'keep' or isinstance(data_key, str) and data_key == 'context' or isinstance(data_key, str) and data_key == 'context_scope' or isinstance(data_key, str) and data_key == 'context_default' or isinstance(data_key, str) and data_key == 'require' or isinstance(data_key, str) and data_key == 'day'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'units', 'bare', 'window', 'qualifiers', 'tolerance', 'running', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']", value=data_key, name="" + (name_prefix or "data") + "", definition={'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'units', 'bare', 'window', 'qualifiers', 'tolerance', 'running', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}, rule='enum')
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        data_property_names = False
                if not data_property_names:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition", value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'cue', 'units'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'units', 'bare', 'window', 'qualifiers', 'tolerance', 'running', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}, rule='propertyNames')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'duration'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be same as const definition: duration", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'const': 'duration'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['description', 'cue']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}, rule='required')
            data_len = len(data)
            if data_len != 0:
                data_property_names = True
                for data_key in data:
                    try:
                        if not (isinstance(data_key, str) and data_key == 'kind' or isinstance(data_key, str) and data_key == 'description' or isinstance(data_key, str) and data_key == 'level' or isinstance(data_key, str) and data_key == 'subjects' or isinstance(data_key, str) and data_key == 'entities' or isinstance(data_key, str) and data_key == 'examples' or isinstance(data_key, str) and data_key == 'cue' or isinstance(data_key, str) and data_key == 'window' or isinstance(data_key, str) and data_key == 'tolerance' or isinstance(data_key, str) and data_key == 'skip' or isinstance(data_key, str) and data_key == 'keep' or isinstance(data_key, str) and data_key == 'context' or isinstance(data_key, str) and data_key == 'context_scope' or isinstance(data_key, str) and data_key == 'context_default' or isinstance(data_key, str) and data_key == 'require'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']", value=data_key, name="" + (name_prefix or "data") + "", definition={'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}, rule='enum')
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        data_property_names = False
                if not data_property_names:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition", value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}, rule='propertyNames')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'derived'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be same as const definition: derived", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'const': 'derived'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['description', 'relation', 'part', 'change']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'relation', 'part', 'change'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'relation', 'part', 'change', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}, rule='required')
            data_len = len(data)
            if data_len != 0:
                data_property_names = True
                for data_key in data:
                    try:
                        if not (isinstance(data_key, str) and data_key == 'kind' or isinstance(data_key, str) and data_key == 'description' or isinstance(data_key, str) and data_key == 'level' or isinstance(data_key, str) and data_key == 'subjects' or isinstance(data_key, str) and data_key == 'entities' or isinstance(data_key, str) and data_key == 'examples' or isinstance(data_key, str) and data_key == 'relation' or isinstance(data_key, str) and data_key == 'part' or isinstance(data_key, str) and data_key == 'change' or isinstance(data_key, str) and data_key == 'window' or isinstance(data_key, str) and data_key == 'tolerance' or isinstance(data_key, str) and data_key == 'skip' or isinstance(data_key, str) and data_key == 'keep' or isinstance(data_key, str) and data_key == 'context' or isinstance(data_key, str) and data_key == 'context_scope' or isinstance(data_key, str) and data_key == 'context_default' or isinstance(data_key, str) and data_key == 'require' or isinstance(data_key, str) and data_key == 'day'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'relation', 'part', 'change', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']", value=data_key, name="" + (name_prefix or "data") + "", definition={'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'relation', 'part', 'change', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}, rule='enum')
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        data_property_names = False
                if not data_property_names:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition", value=data, name="" + (name_prefix or "data") + "", definition={'required': ['description', 'relation', 'part', 'change'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'relation', 'part', 'change', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}, rule='propertyNames')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['kind']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factcheck.invalid/schema/rule.schema.json', 'title': 'factcheck rule file', 'description': "One rule per file; the file stem is the rule id. A file of kind 'entities' declares shared entities instead of a rule. See docs/rules.md.", 'type': 'object', 'required': ['kind'], 'properties': {'kind': {'enum': ['number', 'date', 'set', 'status', 'count', 'duration', 'derived', 'entities'], 'description': 'What the rule compares.'}, 'description': {'type': 'string', 'minLength': 1, 'description': 'One line shown in reports.'}, 'level': {'enum': ['error', 'warning', 'info'], 'description': 'Level of a disagreement (default error).'}, 'subjects': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, 'description': 'Entity ids a claim may be about; who a value is about is read as docs/rules.md (Subjects) says.'}, 'entities': {'type': 'array', 'items': {'type': 'object', 'required': ['id'], 'additionalProperties': False, 'properties': {'id': {'$ref': 'https://factcheck.invalid/schema/rule.schema.json#/$defs/id'}, 'name': {'type': 'string'}, 'aliases': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}}, 'examples': {'type': 'array', 'items': {'type': 'object', 'required': ['text', 'expect'], 'additionalProperties': False, 'properties': {'text': {'type': 'string'}, 'published': {'type': 'string'}, 'lang': {'type': 'string', 'minLength': 1, 'description': "The outlet's locale, as an article's front-matter lang (zh-HK: a bare 元 is HKD)."}, 'expect': {'type': 'object', 'additionalProperties': {'type': ['string', 'number', 'null']}}}}}, 'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'window': {'type': 'integer', 'minimum': 0, 'maximum': 200}, 'value': {'enum': ['percent', 'money', 'pp']}, 'sign': {'type': 'object', 'additionalProperties': False, 'properties': {'up': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}}, 'metric': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'qualifiers': {'type': 'array', 'uniqueItems': True, 'items': {'enum': ['period', 'year', 'basis', 'measure', 'accounting']}, 'description': 'Built-in qualifiers to read, with the shipped words (factcheck/data/qualifiers.yaml).'}, 'tolerance': {'oneOf': [{'type': 'number', 'minimum': 0}, {'type': 'string', 'pattern': '^[0-9]+(\\.[0-9]+)?%$'}], 'description': "Extra slack: a number in the value's unit (0.01), or a share of the value (0.5%)."}, 'running': {'type': 'boolean', 'description': 'A running total that only grows (a box office so far, sign-ups): its readings are taken at different times, so values that differ are shown side by side (info), never a disagreement.'}, 'rounded_level': {'enum': ['error', 'warning', 'info'], 'description': "Level of a `rounded` finding: one figure written at different precisions (default: the configuration's rounded_level, else warning)."}, 'trigger': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'scope': {'enum': ['clause', 'after', 'before', 'sentence']}, 'members': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}}, 'exclude': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}}, 'omission_level': {'enum': ['error', 'warning', 'info']}, 'partial_level': {'enum': ['error', 'warning', 'info']}, 'states': {'type': 'object', 'minProperties': 2, 'additionalProperties': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}}, 'compatible': {'type': 'array', 'items': {'type': 'array', 'minItems': 2, 'items': {'type': 'string'}}}, 'progression': {'type': 'boolean'}, 'units': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'bare': {'type': 'boolean', 'description': "Numbers written in digits without a unit word count too, in the rule's unit (票房100亿)."}, 'relation': {'enum': ['previous-close', 'prior-period', 'total'], 'description': 'previous-close / prior-period: part ÷ (1 + change); total: part ÷ share.'}, 'part': {'type': 'object', 'additionalProperties': False, 'required': ['cue'], 'properties': {'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'value': {'enum': ['money', 'percent']}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, 'description': 'The value given: a price, an amount, a part (cue words before it).'}, 'change': {'type': 'object', 'additionalProperties': False, 'required': ['cue'], 'properties': {'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'value': {'enum': ['money', 'percent']}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, 'description': 'The percent it moved by (down words make it negative), or its share of the total.'}, 'skip': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'keep': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'context': {'type': 'object', 'description': 'Qualifiers: name → value → words that signal it.', 'additionalProperties': {'type': 'object', 'minProperties': 1, 'additionalProperties': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}}, 'context_scope': {'type': 'object', 'description': "How far to look for each context qualifier, and for the day: clause, head (clause, then the sentence's lead-in), run (nearest before the value in the sentence), sentence or paragraph (default; the day's default is sentence).", 'additionalProperties': {'enum': ['clause', 'head', 'run', 'sentence', 'paragraph']}}, 'context_default': {'type': 'object', 'description': 'The value a qualifier takes when no word signals one (else it is unknown).', 'additionalProperties': {'type': 'string', 'minLength': 1}}, 'require': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'description': 'Qualifiers a claim must state to be compared; claims without one are listed as incomplete.'}, 'day': {'oneOf': [{'type': 'boolean'}, {'type': 'object', 'additionalProperties': False, 'properties': {'fallback': {'enum': ['publish', 'none']}, 'timezone_from': {'type': 'string'}, 'timezones': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}]}}, 'allOf': [{'if': {'properties': {'kind': {'const': 'entities'}}}, 'then': {'required': ['entities'], 'propertyNames': {'enum': ['kind', 'description', 'entities']}}}, {'if': {'properties': {'kind': {'const': 'number'}}}, 'then': {'required': ['description', 'value', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'value', 'sign', 'metric', 'qualifiers', 'tolerance', 'running', 'rounded_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}}, {'if': {'properties': {'kind': {'const': 'date'}}}, 'then': {'required': ['description', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}}, {'if': {'properties': {'kind': {'const': 'set'}}}, 'then': {'required': ['description', 'trigger'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'trigger', 'scope', 'members', 'exclude', 'omission_level', 'partial_level', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}}, {'if': {'properties': {'kind': {'const': 'status'}}}, 'then': {'required': ['description', 'states'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'states', 'compatible', 'progression', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}}, {'if': {'properties': {'kind': {'const': 'count'}}}, 'then': {'required': ['description', 'cue', 'units'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'units', 'bare', 'window', 'qualifiers', 'tolerance', 'running', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}}, {'if': {'properties': {'kind': {'const': 'duration'}}}, 'then': {'required': ['description', 'cue'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'cue', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require']}}}, {'if': {'properties': {'kind': {'const': 'derived'}}}, 'then': {'required': ['description', 'relation', 'part', 'change'], 'propertyNames': {'enum': ['kind', 'description', 'level', 'subjects', 'entities', 'examples', 'relation', 'part', 'change', 'window', 'tolerance', 'skip', 'keep', 'context', 'context_scope', 'context_default', 'require', 'day']}}}], '$defs': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, 'words': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'words_or_regex': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}]}, 'entity': {'type': 'object', 'required': ['id'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, 'name': {'type': 'string'}, 'aliases': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}, 'example': {'type': 'object', 'required': ['text', 'expect'], 'additionalProperties': False, 'properties': {'text': {'type': 'string'}, 'published': {'type': 'string'}, 'lang': {'type': 'string', 'minLength': 1, 'description': "The outlet's locale, as an article's front-matter lang (zh-HK: a bare 元 is HKD)."}, 'expect': {'type': 'object', 'additionalProperties': {'type': ['string', 'number', 'null']}}}}}}, rule='required')
        data_keys = set(data.keys())
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not (isinstance(data__kind, str) and data__kind == 'number' or isinstance(data__kind, str) and data__kind == 'date' or isinstance(data__kind, str) and data__kind == 'set' or isinstance(data__kind, str) and data__kind == 'status' or isinstance(data__kind, str) and data__kind == 'count' or isinstance(data__kind, str) and data__kind == 'duration' or isinstance(data__kind, str) and data__kind == 'derived' or isinstance(data__kind, str) and data__kind == 'entities'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['number', 'date', 'set', 'status', 'count', 'duration', 'derived', 'entities']", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'enum': ['number', 'date', 'set', 'status', 'count', 'duration', 'derived', 'entities'], 'description': 'What the rule compares.'}, rule='enum')
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be string", value=data__description, name="" + (name_prefix or "data") + ".description", definition={'type': 'string', 'minLength': 1, 'description': 'One line shown in reports.'}, rule='type')
            if isinstance(data__description, str):
                data__description_len = len(data__description)
                if data__description_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be longer than or equal to 1 characters", value=data__description, name="" + (name_prefix or "data") + ".description", definition={'type': 'string', 'minLength': 1, 'description': 'One line shown in reports.'}, rule='minLength')
        if "level" in data_keys:
            data_keys.remove("level")
            data__level = data["level"]
            if not (isinstance(data__level, str) and data__level == 'error' or isinstance(data__level, str) and data__level == 'warning' or isinstance(data__level, str) and data__level == 'info'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".level must be one of ['error', 'warning', 'info']", value=data__level, name="" + (name_prefix or "data") + ".level", definition={'enum': ['error', 'warning', 'info'], 'description': 'Level of a disagreement (default error).'}, rule='enum')
        if "subjects" in data_keys:
            data_keys.remove("subjects")
            data__subjects = data["subjects"]
            if not isinstance(data__subjects, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".subjects must be array", value=data__subjects, name="" + (name_prefix or "data") + ".subjects", definition={'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, 'description': 'Entity ids a claim may be about; who a value is about is read as docs/rules.md (Subjects) says.'}, rule='type')
            data__subjects_is_list = isinstance(data__subjects, (list, tuple))
            if data__subjects_is_list:
                data__subjects_len = len(data__subjects)
                for data__subjects_x, data__subjects_item in enumerate(data__subjects):
                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_id(data__subjects_item, custom_formats, (name_prefix or "data") + ".subjects[{data__subjects_x}]".format(**locals()))
        if "entities" in data_keys:
            data_keys.remove("entities")
            data__entities = data["entities"]
            if not isinstance(data__entities, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".entities must be array", value=data__entities, name="" + (name_prefix or "data") + ".entities", definition={'type': 'array', 'items': {'type': 'object', 'required': ['id'], 'additionalProperties': False, 'properties': {'id': {'$ref': 'https://factcheck.invalid/schema/rule.schema.json#/$defs/id'}, 'name': {'type': 'string'}, 'aliases': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}}, rule='type')
            data__entities_is_list = isinstance(data__entities, (list, tuple))
            if data__entities_is_list:
                data__entities_len = len(data__entities)
                for data__entities_x, data__entities_item in enumerate(data__entities):
                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_entity(data__entities_item, custom_formats, (name_prefix or "data") + ".entities[{data__entities_x}]".format(**locals()))
        if "examples" in data_keys:
            data_keys.remove("examples")
            data__examples = data["examples"]
            if not isinstance(data__examples, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".examples must be array", value=data__examples, name="" + (name_prefix or "data") + ".examples", definition={'type': 'array', 'items': {'type': 'object', 'required': ['text', 'expect'], 'additionalProperties': False, 'properties': {'text': {'type': 'string'}, 'published': {'type': 'string'}, 'lang': {'type': 'string', 'minLength': 1, 'description': "The outlet's locale, as an article's front-matter lang (zh-HK: a bare 元 is HKD)."}, 'expect': {'type': 'object', 'additionalProperties': {'type': ['string', 'number', 'null']}}}}}, rule='type')
            data__examples_is_list = isinstance(data__examples, (list, tuple))
            if data__examples_is_list:
                data__examples_len = len(data__examples)
                for data__examples_x, data__examples_item in enumerate(data__examples):
                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_example(data__examples_item, custom_formats, (name_prefix or "data") + ".examples[{data__examples_x}]".format(**locals()))
        if "cue" in data_keys:
            data_keys.remove("cue")
            data__cue = data["cue"]
            validate_https___factcheck_invalid_schema_rule_schema_json___defs_words_or_regex(data__cue, custom_formats, (name_prefix or "data") + ".cue")
        if "window" in data_keys:
            data_keys.remove("window")
            data__window = data["window"]
            if not isinstance(data__window, (int)) and not (isinstance(data__window, float) and data__window.is_integer()) or isinstance(data__window, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".window must be integer", value=data__window, name="" + (name_prefix or "data") + ".window", definition={'type': 'integer', 'minimum': 0, 'maximum': 200}, rule='type')
            if isinstance(data__window, (int, float, Decimal)) and not isinstance(data__window, bool):
                if data__window < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".window must be bigger than or equal to 0", value=data__window, name="" + (name_prefix or "data") + ".window", definition={'type': 'integer', 'minimum': 0, 'maximum': 200}, rule='minimum')
                if data__window > 200:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".window must be smaller than or equal to 200", value=data__window, name="" + (name_prefix or "data") + ".window", definition={'type': 'integer', 'minimum': 0, 'maximum': 200}, rule='maximum')
        if "value" in data_keys:
            data_keys.remove("value")
            data__value = data["value"]
            if not (isinstance(data__value, str) and data__value == 'percent' or isinstance(data__value, str) and data__value == 'money' or isinstance(data__value, str) and data__value == 'pp'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".value must be one of ['percent', 'money', 'pp']", value=data__value, name="" + (name_prefix or "data") + ".value", definition={'enum': ['percent', 'money', 'pp']}, rule='enum')
        if "sign" in data_keys:
            data_keys.remove("sign")
            data__sign = data["sign"]
            if not isinstance(data__sign, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sign must be object", value=data__sign, name="" + (name_prefix or "data") + ".sign", definition={'type': 'object', 'additionalProperties': False, 'properties': {'up': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}}, rule='type')
            data__sign_is_dict = isinstance(data__sign, dict)
            if data__sign_is_dict:
                data__sign_keys = set(data__sign.keys())
                if "up" in data__sign_keys:
                    data__sign_keys.remove("up")
                    data__sign__up = data__sign["up"]
                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_words(data__sign__up, custom_formats, (name_prefix or "data") + ".sign.up")
                if "down" in data__sign_keys:
                    data__sign_keys.remove("down")
                    data__sign__down = data__sign["down"]
                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_words(data__sign__down, custom_formats, (name_prefix or "data") + ".sign.down")
                if data__sign_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sign must not contain "+str(data__sign_keys)+" properties", value=data__sign, name="" + (name_prefix or "data") + ".sign", definition={'type': 'object', 'additionalProperties': False, 'properties': {'up': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}}, rule='additionalProperties')
        if "metric" in data_keys:
            data_keys.remove("metric")
            data__metric = data["metric"]
            validate_https___factcheck_invalid_schema_rule_schema_json___defs_words(data__metric, custom_formats, (name_prefix or "data") + ".metric")
        if "qualifiers" in data_keys:
            data_keys.remove("qualifiers")
            data__qualifiers = data["qualifiers"]
            if not isinstance(data__qualifiers, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".qualifiers must be array", value=data__qualifiers, name="" + (name_prefix or "data") + ".qualifiers", definition={'type': 'array', 'uniqueItems': True, 'items': {'enum': ['period', 'year', 'basis', 'measure', 'accounting']}, 'description': 'Built-in qualifiers to read, with the shipped words (factcheck/data/qualifiers.yaml).'}, rule='type')
            data__qualifiers_is_list = isinstance(data__qualifiers, (list, tuple))
            if data__qualifiers_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__qualifiers_len = len(data__qualifiers)
                if data__qualifiers_len > len(set(fn(data__qualifiers_x) for data__qualifiers_x in data__qualifiers)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".qualifiers must contain unique items", value=data__qualifiers, name="" + (name_prefix or "data") + ".qualifiers", definition={'type': 'array', 'uniqueItems': True, 'items': {'enum': ['period', 'year', 'basis', 'measure', 'accounting']}, 'description': 'Built-in qualifiers to read, with the shipped words (factcheck/data/qualifiers.yaml).'}, rule='uniqueItems')
                for data__qualifiers_x, data__qualifiers_item in enumerate(data__qualifiers):
                    if not (isinstance(data__qualifiers_item, str) and data__qualifiers_item == 'period' or isinstance(data__qualifiers_item, str) and data__qualifiers_item == 'year' or isinstance(data__qualifiers_item, str) and data__qualifiers_item == 'basis' or isinstance(data__qualifiers_item, str) and data__qualifiers_item == 'measure' or isinstance(data__qualifiers_item, str) and data__qualifiers_item == 'accounting'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".qualifiers[{data__qualifiers_x}]".format(**locals()) + " must be one of ['period', 'year', 'basis', 'measure', 'accounting']", value=data__qualifiers_item, name="" + (name_prefix or "data") + ".qualifiers[{data__qualifiers_x}]".format(**locals()) + "", definition={'enum': ['period', 'year', 'basis', 'measure', 'accounting']}, rule='enum')
        if "tolerance" in data_keys:
            data_keys.remove("tolerance")
            data__tolerance = data["tolerance"]
            data__tolerance_one_of_count1 = 0
            if data__tolerance_one_of_count1 < 2:
                try:
                    if not isinstance(data__tolerance, (int, float, Decimal)) or isinstance(data__tolerance, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".tolerance must be number", value=data__tolerance, name="" + (name_prefix or "data") + ".tolerance", definition={'type': 'number', 'minimum': 0}, rule='type')
                    if isinstance(data__tolerance, (int, float, Decimal)) and not isinstance(data__tolerance, bool):
                        if data__tolerance < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".tolerance must be bigger than or equal to 0", value=data__tolerance, name="" + (name_prefix or "data") + ".tolerance", definition={'type': 'number', 'minimum': 0}, rule='minimum')
                    data__tolerance_one_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__tolerance_one_of_count1 < 2:
                try:
                    if not isinstance(data__tolerance, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".tolerance must be string", value=data__tolerance, name="" + (name_prefix or "data") + ".tolerance", definition={'type': 'string', 'pattern': '^[0-9]+(\\.[0-9]+)?%$'}, rule='type')
                    if isinstance(data__tolerance, str):
                        if not REGEX_PATTERNS['^[0-9]+(\\.[0-9]+)?%$'].search(data__tolerance):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".tolerance must match pattern ^[0-9]+(\\.[0-9]+)?%$", value=data__tolerance, name="" + (name_prefix or "data") + ".tolerance", definition={'type': 'string', 'pattern': '^[0-9]+(\\.[0-9]+)?%$'}, rule='pattern')
                    data__tolerance_one_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__tolerance_one_of_count1 != 1:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tolerance must be valid exactly by one definition" + (" (" + str(data__tolerance_one_of_count1) + " matches found)"), value=data__tolerance, name="" + (name_prefix or "data") + ".tolerance", definition={'oneOf': [{'type': 'number', 'minimum': 0}, {'type': 'string', 'pattern': '^[0-9]+(\\.[0-9]+)?%$'}], 'description': "Extra slack: a number in the value's unit (0.01), or a share of the value (0.5%)."}, rule='oneOf')
        if "running" in data_keys:
            data_keys.remove("running")
            data__running = data["running"]
            if not isinstance(data__running, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".running must be boolean", value=data__running, name="" + (name_prefix or "data") + ".running", definition={'type': 'boolean', 'description': 'A running total that only grows (a box office so far, sign-ups): its readings are taken at different times, so values that differ are shown side by side (info), never a disagreement.'}, rule='type')
        if "rounded_level" in data_keys:
            data_keys.remove("rounded_level")
            data__roundedlevel = data["rounded_level"]
            if not (isinstance(data__roundedlevel, str) and data__roundedlevel == 'error' or isinstance(data__roundedlevel, str) and data__roundedlevel == 'warning' or isinstance(data__roundedlevel, str) and data__roundedlevel == 'info'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rounded_level must be one of ['error', 'warning', 'info']", value=data__roundedlevel, name="" + (name_prefix or "data") + ".rounded_level", definition={'enum': ['error', 'warning', 'info'], 'description': "Level of a `rounded` finding: one figure written at different precisions (default: the configuration's rounded_level, else warning)."}, rule='enum')
        if "trigger" in data_keys:
            data_keys.remove("trigger")
            data__trigger = data["trigger"]
            validate_https___factcheck_invalid_schema_rule_schema_json___defs_words_or_regex(data__trigger, custom_formats, (name_prefix or "data") + ".trigger")
        if "scope" in data_keys:
            data_keys.remove("scope")
            data__scope = data["scope"]
            if not (isinstance(data__scope, str) and data__scope == 'clause' or isinstance(data__scope, str) and data__scope == 'after' or isinstance(data__scope, str) and data__scope == 'before' or isinstance(data__scope, str) and data__scope == 'sentence'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".scope must be one of ['clause', 'after', 'before', 'sentence']", value=data__scope, name="" + (name_prefix or "data") + ".scope", definition={'enum': ['clause', 'after', 'before', 'sentence']}, rule='enum')
        if "members" in data_keys:
            data_keys.remove("members")
            data__members = data["members"]
            if not isinstance(data__members, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".members must be array", value=data__members, name="" + (name_prefix or "data") + ".members", definition={'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}}, rule='type')
            data__members_is_list = isinstance(data__members, (list, tuple))
            if data__members_is_list:
                data__members_len = len(data__members)
                for data__members_x, data__members_item in enumerate(data__members):
                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_id(data__members_item, custom_formats, (name_prefix or "data") + ".members[{data__members_x}]".format(**locals()))
        if "exclude" in data_keys:
            data_keys.remove("exclude")
            data__exclude = data["exclude"]
            if not isinstance(data__exclude, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".exclude must be array", value=data__exclude, name="" + (name_prefix or "data") + ".exclude", definition={'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}}, rule='type')
            data__exclude_is_list = isinstance(data__exclude, (list, tuple))
            if data__exclude_is_list:
                data__exclude_len = len(data__exclude)
                for data__exclude_x, data__exclude_item in enumerate(data__exclude):
                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_id(data__exclude_item, custom_formats, (name_prefix or "data") + ".exclude[{data__exclude_x}]".format(**locals()))
        if "omission_level" in data_keys:
            data_keys.remove("omission_level")
            data__omissionlevel = data["omission_level"]
            if not (isinstance(data__omissionlevel, str) and data__omissionlevel == 'error' or isinstance(data__omissionlevel, str) and data__omissionlevel == 'warning' or isinstance(data__omissionlevel, str) and data__omissionlevel == 'info'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".omission_level must be one of ['error', 'warning', 'info']", value=data__omissionlevel, name="" + (name_prefix or "data") + ".omission_level", definition={'enum': ['error', 'warning', 'info']}, rule='enum')
        if "partial_level" in data_keys:
            data_keys.remove("partial_level")
            data__partiallevel = data["partial_level"]
            if not (isinstance(data__partiallevel, str) and data__partiallevel == 'error' or isinstance(data__partiallevel, str) and data__partiallevel == 'warning' or isinstance(data__partiallevel, str) and data__partiallevel == 'info'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".partial_level must be one of ['error', 'warning', 'info']", value=data__partiallevel, name="" + (name_prefix or "data") + ".partial_level", definition={'enum': ['error', 'warning', 'info']}, rule='enum')
        if "states" in data_keys:
            data_keys.remove("states")
            data__states = data["states"]
            if not isinstance(data__states, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".states must be object", value=data__states, name="" + (name_prefix or "data") + ".states", definition={'type': 'object', 'minProperties': 2, 'additionalProperties': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}}, rule='type')
            data__states_is_dict = isinstance(data__states, dict)
            if data__states_is_dict:
                data__states_len = len(data__states)
                if data__states_len < 2:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".states must contain at least 2 properties", value=data__states, name="" + (name_prefix or "data") + ".states", definition={'type': 'object', 'minProperties': 2, 'additionalProperties': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}}, rule='minProperties')
                data__states_keys = set(data__states.keys())
                for data__states_key in data__states_keys:
                    if data__states_key not in []:
                        data__states_value = data__states.get(data__states_key)
                        validate_https___factcheck_invalid_schema_rule_schema_json___defs_words_or_regex(data__states_value, custom_formats, (name_prefix or "data") + ".states.{data__states_key}".format(**locals()))
        if "compatible" in data_keys:
            data_keys.remove("compatible")
            data__compatible = data["compatible"]
            if not isinstance(data__compatible, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".compatible must be array", value=data__compatible, name="" + (name_prefix or "data") + ".compatible", definition={'type': 'array', 'items': {'type': 'array', 'minItems': 2, 'items': {'type': 'string'}}}, rule='type')
            data__compatible_is_list = isinstance(data__compatible, (list, tuple))
            if data__compatible_is_list:
                data__compatible_len = len(data__compatible)
                for data__compatible_x, data__compatible_item in enumerate(data__compatible):
                    if not isinstance(data__compatible_item, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".compatible[{data__compatible_x}]".format(**locals()) + " must be array", value=data__compatible_item, name="" + (name_prefix or "data") + ".compatible[{data__compatible_x}]".format(**locals()) + "", definition={'type': 'array', 'minItems': 2, 'items': {'type': 'string'}}, rule='type')
                    data__compatible_item_is_list = isinstance(data__compatible_item, (list, tuple))
                    if data__compatible_item_is_list:
                        data__compatible_item_len = len(data__compatible_item)
                        if data__compatible_item_len < 2:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".compatible[{data__compatible_x}]".format(**locals()) + " must contain at least 2 items", value=data__compatible_item, name="" + (name_prefix or "data") + ".compatible[{data__compatible_x}]".format(**locals()) + "", definition={'type': 'array', 'minItems': 2, 'items': {'type': 'string'}}, rule='minItems')
                        for data__compatible_item_x, data__compatible_item_item in enumerate(data__compatible_item):
                            if not isinstance(data__compatible_item_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".compatible[{data__compatible_x}][{data__compatible_item_x}]".format(**locals()) + " must be string", value=data__compatible_item_item, name="" + (name_prefix or "data") + ".compatible[{data__compatible_x}][{data__compatible_item_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "progression" in data_keys:
            data_keys.remove("progression")
            data__progression = data["progression"]
            if not isinstance(data__progression, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".progression must be boolean", value=data__progression, name="" + (name_prefix or "data") + ".progression", definition={'type': 'boolean'}, rule='type')
        if "units" in data_keys:
            data_keys.remove("units")
            data__units = data["units"]
            validate_https___factcheck_invalid_schema_rule_schema_json___defs_words(data__units, custom_formats, (name_prefix or "data") + ".units")
        if "bare" in data_keys:
            data_keys.remove("bare")
            data__bare = data["bare"]
            if not isinstance(data__bare, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".bare must be boolean", value=data__bare, name="" + (name_prefix or "data") + ".bare", definition={'type': 'boolean', 'description': "Numbers written in digits without a unit word count too, in the rule's unit (票房100亿)."}, rule='type')
        if "relation" in data_keys:
            data_keys.remove("relation")
            data__relation = data["relation"]
            if not (isinstance(data__relation, str) and data__relation == 'previous-close' or isinstance(data__relation, str) and data__relation == 'prior-period' or isinstance(data__relation, str) and data__relation == 'total'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".relation must be one of ['previous-close', 'prior-period', 'total']", value=data__relation, name="" + (name_prefix or "data") + ".relation", definition={'enum': ['previous-close', 'prior-period', 'total'], 'description': 'previous-close / prior-period: part ÷ (1 + change); total: part ÷ share.'}, rule='enum')
        if "part" in data_keys:
            data_keys.remove("part")
            data__part = data["part"]
            if not isinstance(data__part, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".part must be object", value=data__part, name="" + (name_prefix or "data") + ".part", definition={'type': 'object', 'additionalProperties': False, 'required': ['cue'], 'properties': {'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'value': {'enum': ['money', 'percent']}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, 'description': 'The value given: a price, an amount, a part (cue words before it).'}, rule='type')
            data__part_is_dict = isinstance(data__part, dict)
            if data__part_is_dict:
                data__part__missing_keys = set(['cue']) - data__part.keys()
                if data__part__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".part must contain " + (str(sorted(data__part__missing_keys)) + " properties"), value=data__part, name="" + (name_prefix or "data") + ".part", definition={'type': 'object', 'additionalProperties': False, 'required': ['cue'], 'properties': {'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'value': {'enum': ['money', 'percent']}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, 'description': 'The value given: a price, an amount, a part (cue words before it).'}, rule='required')
                data__part_keys = set(data__part.keys())
                if "cue" in data__part_keys:
                    data__part_keys.remove("cue")
                    data__part__cue = data__part["cue"]
                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_words_or_regex(data__part__cue, custom_formats, (name_prefix or "data") + ".part.cue")
                if "value" in data__part_keys:
                    data__part_keys.remove("value")
                    data__part__value = data__part["value"]
                    if not (isinstance(data__part__value, str) and data__part__value == 'money' or isinstance(data__part__value, str) and data__part__value == 'percent'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".part.value must be one of ['money', 'percent']", value=data__part__value, name="" + (name_prefix or "data") + ".part.value", definition={'enum': ['money', 'percent']}, rule='enum')
                if "down" in data__part_keys:
                    data__part_keys.remove("down")
                    data__part__down = data__part["down"]
                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_words(data__part__down, custom_formats, (name_prefix or "data") + ".part.down")
                if data__part_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".part must not contain "+str(data__part_keys)+" properties", value=data__part, name="" + (name_prefix or "data") + ".part", definition={'type': 'object', 'additionalProperties': False, 'required': ['cue'], 'properties': {'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'value': {'enum': ['money', 'percent']}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, 'description': 'The value given: a price, an amount, a part (cue words before it).'}, rule='additionalProperties')
        if "change" in data_keys:
            data_keys.remove("change")
            data__change = data["change"]
            if not isinstance(data__change, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".change must be object", value=data__change, name="" + (name_prefix or "data") + ".change", definition={'type': 'object', 'additionalProperties': False, 'required': ['cue'], 'properties': {'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'value': {'enum': ['money', 'percent']}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, 'description': 'The percent it moved by (down words make it negative), or its share of the total.'}, rule='type')
            data__change_is_dict = isinstance(data__change, dict)
            if data__change_is_dict:
                data__change__missing_keys = set(['cue']) - data__change.keys()
                if data__change__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".change must contain " + (str(sorted(data__change__missing_keys)) + " properties"), value=data__change, name="" + (name_prefix or "data") + ".change", definition={'type': 'object', 'additionalProperties': False, 'required': ['cue'], 'properties': {'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'value': {'enum': ['money', 'percent']}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, 'description': 'The percent it moved by (down words make it negative), or its share of the total.'}, rule='required')
                data__change_keys = set(data__change.keys())
                if "cue" in data__change_keys:
                    data__change_keys.remove("cue")
                    data__change__cue = data__change["cue"]
                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_words_or_regex(data__change__cue, custom_formats, (name_prefix or "data") + ".change.cue")
                if "value" in data__change_keys:
                    data__change_keys.remove("value")
                    data__change__value = data__change["value"]
                    if not (isinstance(data__change__value, str) and data__change__value == 'money' or isinstance(data__change__value, str) and data__change__value == 'percent'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".change.value must be one of ['money', 'percent']", value=data__change__value, name="" + (name_prefix or "data") + ".change.value", definition={'enum': ['money', 'percent']}, rule='enum')
                if "down" in data__change_keys:
                    data__change_keys.remove("down")
                    data__change__down = data__change["down"]
                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_words(data__change__down, custom_formats, (name_prefix or "data") + ".change.down")
                if data__change_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".change must not contain "+str(data__change_keys)+" properties", value=data__change, name="" + (name_prefix or "data") + ".change", definition={'type': 'object', 'additionalProperties': False, 'required': ['cue'], 'properties': {'cue': {'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'$ref': '#/$defs/words'}]}, 'value': {'enum': ['money', 'percent']}, 'down': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, 'description': 'The percent it moved by (down words make it negative), or its share of the total.'}, rule='additionalProperties')
        if "skip" in data_keys:
            data_keys.remove("skip")
            data__skip = data["skip"]
            validate_https___factcheck_invalid_schema_rule_schema_json___defs_words_or_regex(data__skip, custom_formats, (name_prefix or "data") + ".skip")
        if "keep" in data_keys:
            data_keys.remove("keep")
            data__keep = data["keep"]
            validate_https___factcheck_invalid_schema_rule_schema_json___defs_words(data__keep, custom_formats, (name_prefix or "data") + ".keep")
        if "context" in data_keys:
            data_keys.remove("context")
            data__context = data["context"]
            if not isinstance(data__context, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".context must be object", value=data__context, name="" + (name_prefix or "data") + ".context", definition={'type': 'object', 'description': 'Qualifiers: name → value → words that signal it.', 'additionalProperties': {'type': 'object', 'minProperties': 1, 'additionalProperties': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}}, rule='type')
            data__context_is_dict = isinstance(data__context, dict)
            if data__context_is_dict:
                data__context_keys = set(data__context.keys())
                for data__context_key in data__context_keys:
                    if data__context_key not in []:
                        data__context_value = data__context.get(data__context_key)
                        if not isinstance(data__context_value, (dict)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".context.{data__context_key}".format(**locals()) + " must be object", value=data__context_value, name="" + (name_prefix or "data") + ".context.{data__context_key}".format(**locals()) + "", definition={'type': 'object', 'minProperties': 1, 'additionalProperties': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, rule='type')
                        data__context_value_is_dict = isinstance(data__context_value, dict)
                        if data__context_value_is_dict:
                            data__context_value_len = len(data__context_value)
                            if data__context_value_len < 1:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".context.{data__context_key}".format(**locals()) + " must contain at least 1 properties", value=data__context_value, name="" + (name_prefix or "data") + ".context.{data__context_key}".format(**locals()) + "", definition={'type': 'object', 'minProperties': 1, 'additionalProperties': {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}}, rule='minProperties')
                            data__context_value_keys = set(data__context_value.keys())
                            for data__context_value_key in data__context_value_keys:
                                if data__context_value_key not in []:
                                    data__context_value_value = data__context_value.get(data__context_value_key)
                                    validate_https___factcheck_invalid_schema_rule_schema_json___defs_words(data__context_value_value, custom_formats, (name_prefix or "data") + ".context.{data__context_key}.{data__context_value_key}".format(**locals()))
        if "context_scope" in data_keys:
            data_keys.remove("context_scope")
            data__contextscope = data["context_scope"]
            if not isinstance(data__contextscope, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".context_scope must be object", value=data__contextscope, name="" + (name_prefix or "data") + ".context_scope", definition={'type': 'object', 'description': "How far to look for each context qualifier, and for the day: clause, head (clause, then the sentence's lead-in), run (nearest before the value in the sentence), sentence or paragraph (default; the day's default is sentence).", 'additionalProperties': {'enum': ['clause', 'head', 'run', 'sentence', 'paragraph']}}, rule='type')
            data__contextscope_is_dict = isinstance(data__contextscope, dict)
            if data__contextscope_is_dict:
                data__contextscope_keys = set(data__contextscope.keys())
                for data__contextscope_key in data__contextscope_keys:
                    if data__contextscope_key not in []:
                        data__contextscope_value = data__contextscope.get(data__contextscope_key)
                        if not (isinstance(data__contextscope_value, str) and data__contextscope_value == 'clause' or isinstance(data__contextscope_value, str) and data__contextscope_value == 'head' or isinstance(data__contextscope_value, str) and data__contextscope_value == 'run' or isinstance(data__contextscope_value, str) and data__contextscope_value == 'sentence' or isinstance(data__contextscope_value, str) and data__contextscope_value == 'paragraph'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".context_scope.{data__contextscope_key}".format(**locals()) + " must be one of ['clause', 'head', 'run', 'sentence', 'paragraph']", value=data__contextscope_value, name="" + (name_prefix or "data") + ".context_scope.{data__contextscope_key}".format(**locals()) + "", definition={'enum': ['clause', 'head', 'run', 'sentence', 'paragraph']}, rule='enum')
        if "context_default" in data_keys:
            data_keys.remove("context_default")
            data__contextdefault = data["context_default"]
            if not isinstance(data__contextdefault, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".context_default must be object", value=data__contextdefault, name="" + (name_prefix or "data") + ".context_default", definition={'type': 'object', 'description': 'The value a qualifier takes when no word signals one (else it is unknown).', 'additionalProperties': {'type': 'string', 'minLength': 1}}, rule='type')
            data__contextdefault_is_dict = isinstance(data__contextdefault, dict)
            if data__contextdefault_is_dict:
                data__contextdefault_keys = set(data__contextdefault.keys())
                for data__contextdefault_key in data__contextdefault_keys:
                    if data__contextdefault_key not in []:
                        data__contextdefault_value = data__contextdefault.get(data__contextdefault_key)
                        if not isinstance(data__contextdefault_value, (str)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".context_default.{data__contextdefault_key}".format(**locals()) + " must be string", value=data__contextdefault_value, name="" + (name_prefix or "data") + ".context_default.{data__contextdefault_key}".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='type')
                        if isinstance(data__contextdefault_value, str):
                            data__contextdefault_value_len = len(data__contextdefault_value)
                            if data__contextdefault_value_len < 1:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".context_default.{data__contextdefault_key}".format(**locals()) + " must be longer than or equal to 1 characters", value=data__contextdefault_value, name="" + (name_prefix or "data") + ".context_default.{data__contextdefault_key}".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "require" in data_keys:
            data_keys.remove("require")
            data__require = data["require"]
            if not isinstance(data__require, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".require must be array", value=data__require, name="" + (name_prefix or "data") + ".require", definition={'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'description': 'Qualifiers a claim must state to be compared; claims without one are listed as incomplete.'}, rule='type')
            data__require_is_list = isinstance(data__require, (list, tuple))
            if data__require_is_list:
                data__require_len = len(data__require)
                for data__require_x, data__require_item in enumerate(data__require):
                    if not isinstance(data__require_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".require[{data__require_x}]".format(**locals()) + " must be string", value=data__require_item, name="" + (name_prefix or "data") + ".require[{data__require_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__require_item, str):
                        data__require_item_len = len(data__require_item)
                        if data__require_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".require[{data__require_x}]".format(**locals()) + " must be longer than or equal to 1 characters", value=data__require_item, name="" + (name_prefix or "data") + ".require[{data__require_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "day" in data_keys:
            data_keys.remove("day")
            data__day = data["day"]
            data__day_one_of_count2 = 0
            if data__day_one_of_count2 < 2:
                try:
                    if not isinstance(data__day, (bool)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".day must be boolean", value=data__day, name="" + (name_prefix or "data") + ".day", definition={'type': 'boolean'}, rule='type')
                    data__day_one_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__day_one_of_count2 < 2:
                try:
                    if not isinstance(data__day, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".day must be object", value=data__day, name="" + (name_prefix or "data") + ".day", definition={'type': 'object', 'additionalProperties': False, 'properties': {'fallback': {'enum': ['publish', 'none']}, 'timezone_from': {'type': 'string'}, 'timezones': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}, rule='type')
                    data__day_is_dict = isinstance(data__day, dict)
                    if data__day_is_dict:
                        data__day_keys = set(data__day.keys())
                        if "fallback" in data__day_keys:
                            data__day_keys.remove("fallback")
                            data__day__fallback = data__day["fallback"]
                            if not (isinstance(data__day__fallback, str) and data__day__fallback == 'publish' or isinstance(data__day__fallback, str) and data__day__fallback == 'none'):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".day.fallback must be one of ['publish', 'none']", value=data__day__fallback, name="" + (name_prefix or "data") + ".day.fallback", definition={'enum': ['publish', 'none']}, rule='enum')
                        if "timezone_from" in data__day_keys:
                            data__day_keys.remove("timezone_from")
                            data__day__timezonefrom = data__day["timezone_from"]
                            if not isinstance(data__day__timezonefrom, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".day.timezone_from must be string", value=data__day__timezonefrom, name="" + (name_prefix or "data") + ".day.timezone_from", definition={'type': 'string'}, rule='type')
                        if "timezones" in data__day_keys:
                            data__day_keys.remove("timezones")
                            data__day__timezones = data__day["timezones"]
                            if not isinstance(data__day__timezones, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".day.timezones must be object", value=data__day__timezones, name="" + (name_prefix or "data") + ".day.timezones", definition={'type': 'object', 'additionalProperties': {'type': 'string'}}, rule='type')
                            data__day__timezones_is_dict = isinstance(data__day__timezones, dict)
                            if data__day__timezones_is_dict:
                                data__day__timezones_keys = set(data__day__timezones.keys())
                                for data__day__timezones_key in data__day__timezones_keys:
                                    if data__day__timezones_key not in []:
                                        data__day__timezones_value = data__day__timezones.get(data__day__timezones_key)
                                        if not isinstance(data__day__timezones_value, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".day.timezones.{data__day__timezones_key}".format(**locals()) + " must be string", value=data__day__timezones_value, name="" + (name_prefix or "data") + ".day.timezones.{data__day__timezones_key}".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                        if data__day_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".day must not contain "+str(data__day_keys)+" properties", value=data__day, name="" + (name_prefix or "data") + ".day", definition={'type': 'object', 'additionalProperties': False, 'properties': {'fallback': {'enum': ['publish', 'none']}, 'timezone_from': {'type': 'string'}, 'timezones': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}, rule='additionalProperties')
                    data__day_one_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__day_one_of_count2 != 1:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".day must be valid exactly by one definition" + (" (" + str(data__day_one_of_count2) + " matches found)"), value=data__day, name="" + (name_prefix or "data") + ".day", definition={'oneOf': [{'type': 'boolean'}, {'type': 'object', 'additionalProperties': False, 'properties': {'fallback': {'enum': ['publish', 'none']}, 'timezone_from': {'type': 'string'}, 'timezones': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}]}, rule='oneOf')
    return data

def validate_https___factcheck_invalid_schema_rule_schema_json___defs_words(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain at least 1 items", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}, rule='minItems')
        for data_x, data_item in enumerate(data):
            if not isinstance(data_item, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + " must be string", value=data_item, name="" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data_item, str):
                data_item_len = len(data_item)
                if data_item_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + " must be longer than or equal to 1 characters", value=data_item, name="" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='minLength')
    return data

def validate_https___factcheck_invalid_schema_rule_schema_json___defs_words_or_regex(data, custom_formats={}, name_prefix=None):
    data_one_of_count3 = 0
    if data_one_of_count3 < 2:
        try:
            if not isinstance(data, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data, str):
                data_len = len(data)
                if data_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1}, rule='minLength')
            data_one_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count3 < 2:
        try:
            validate_https___factcheck_invalid_schema_rule_schema_json___defs_words(data, custom_formats, (name_prefix or "data") + "")
            data_one_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count3 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition" + (" (" + str(data_one_of_count3) + " matches found)"), value=data, name="" + (name_prefix or "data") + "", definition={'description': 'A list of words (matched literally) or one regular expression.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'type': 'array', 'minItems': 1, 'items': {'type': 'string', 'minLength': 1}}]}, rule='oneOf')
    return data

def validate_https___factcheck_invalid_schema_rule_schema_json___defs_example(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['text', 'expect'], 'additionalProperties': False, 'properties': {'text': {'type': 'string'}, 'published': {'type': 'string'}, 'lang': {'type': 'string', 'minLength': 1, 'description': "The outlet's locale, as an article's front-matter lang (zh-HK: a bare 元 is HKD)."}, 'expect': {'type': 'object', 'additionalProperties': {'type': ['string', 'number', 'null']}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['text', 'expect']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['text', 'expect'], 'additionalProperties': False, 'properties': {'text': {'type': 'string'}, 'published': {'type': 'string'}, 'lang': {'type': 'string', 'minLength': 1, 'description': "The outlet's locale, as an article's front-matter lang (zh-HK: a bare 元 is HKD)."}, 'expect': {'type': 'object', 'additionalProperties': {'type': ['string', 'number', 'null']}}}}, rule='required')
        data_keys = set(data.keys())
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            if not isinstance(data__text, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be string", value=data__text, name="" + (name_prefix or "data") + ".text", definition={'type': 'string'}, rule='type')
        if "published" in data_keys:
            data_keys.remove("published")
            data__published = data["published"]
            if not isinstance(data__published, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".published must be string", value=data__published, name="" + (name_prefix or "data") + ".published", definition={'type': 'string'}, rule='type')
        if "lang" in data_keys:
            data_keys.remove("lang")
            data__lang = data["lang"]
            if not isinstance(data__lang, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".lang must be string", value=data__lang, name="" + (name_prefix or "data") + ".lang", definition={'type': 'string', 'minLength': 1, 'description': "The outlet's locale, as an article's front-matter lang (zh-HK: a bare 元 is HKD)."}, rule='type')
            if isinstance(data__lang, str):
                data__lang_len = len(data__lang)
                if data__lang_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lang must be longer than or equal to 1 characters", value=data__lang, name="" + (name_prefix or "data") + ".lang", definition={'type': 'string', 'minLength': 1, 'description': "The outlet's locale, as an article's front-matter lang (zh-HK: a bare 元 is HKD)."}, rule='minLength')
        if "expect" in data_keys:
            data_keys.remove("expect")
            data__expect = data["expect"]
            if not isinstance(data__expect, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".expect must be object", value=data__expect, name="" + (name_prefix or "data") + ".expect", definition={'type': 'object', 'additionalProperties': {'type': ['string', 'number', 'null']}}, rule='type')
            data__expect_is_dict = isinstance(data__expect, dict)
            if data__expect_is_dict:
                data__expect_keys = set(data__expect.keys())
                for data__expect_key in data__expect_keys:
                    if data__expect_key not in []:
                        data__expect_value = data__expect.get(data__expect_key)
                        if not isinstance(data__expect_value, (str, int, float, Decimal, NoneType)) or isinstance(data__expect_value, bool):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".expect.{data__expect_key}".format(**locals()) + " must be string or number or null", value=data__expect_value, name="" + (name_prefix or "data") + ".expect.{data__expect_key}".format(**locals()) + "", definition={'type': ['string', 'number', 'null']}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['text', 'expect'], 'additionalProperties': False, 'properties': {'text': {'type': 'string'}, 'published': {'type': 'string'}, 'lang': {'type': 'string', 'minLength': 1, 'description': "The outlet's locale, as an article's front-matter lang (zh-HK: a bare 元 is HKD)."}, 'expect': {'type': 'object', 'additionalProperties': {'type': ['string', 'number', 'null']}}}}, rule='additionalProperties')
    return data

def validate_https___factcheck_invalid_schema_rule_schema_json___defs_entity(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, 'name': {'type': 'string'}, 'aliases': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, 'name': {'type': 'string'}, 'aliases': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___factcheck_invalid_schema_rule_schema_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string", value=data__name, name="" + (name_prefix or "data") + ".name", definition={'type': 'string'}, rule='type')
        if "aliases" in data_keys:
            data_keys.remove("aliases")
            data__aliases = data["aliases"]
            if not isinstance(data__aliases, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".aliases must be array", value=data__aliases, name="" + (name_prefix or "data") + ".aliases", definition={'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, rule='type')
            data__aliases_is_list = isinstance(data__aliases, (list, tuple))
            if data__aliases_is_list:
                data__aliases_len = len(data__aliases)
                for data__aliases_x, data__aliases_item in enumerate(data__aliases):
                    if not isinstance(data__aliases_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".aliases[{data__aliases_x}]".format(**locals()) + " must be string", value=data__aliases_item, name="" + (name_prefix or "data") + ".aliases[{data__aliases_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__aliases_item, str):
                        data__aliases_item_len = len(data__aliases_item)
                        if data__aliases_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".aliases[{data__aliases_x}]".format(**locals()) + " must be longer than or equal to 1 characters", value=data__aliases_item, name="" + (name_prefix or "data") + ".aliases[{data__aliases_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, 'name': {'type': 'string'}, 'aliases': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}, rule='additionalProperties')
    return data

def validate_https___factcheck_invalid_schema_rule_schema_json___defs_id(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9._-]*$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[a-z0-9][a-z0-9._-]*$", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9._-]*$'}, rule='pattern')
    return data

check = validate_https___factcheck_invalid_schema_rule_schema_json
