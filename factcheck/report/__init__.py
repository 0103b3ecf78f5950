"""Stage 6: reports. Every format renders from one sorted serialization
(`serialize.to_dict`), so formats never disagree about what was found."""
