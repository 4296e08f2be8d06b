/** Projects of an org and their versions: commits in a git repository per project (JGit). */
package dev.kiln.platform.projects;
