//! The feed in other shapes: TimelineJS, vis-timeline, CSV, JSON Feed and Atom.
