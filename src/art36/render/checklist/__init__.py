"""A checklist for people (`art36 show`): its questions, options, conditions, context limits and red lines."""
