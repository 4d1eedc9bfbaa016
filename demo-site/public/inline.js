// The help desk page only listens: every change the assistant makes to the visitor's tasks is listed as it happens.
const VERBS = {
  created: 'Added',
  updated: 'Changed',
  completed: 'Completed',
  reopened: 'Reopened',
  deleted: 'Deleted',
};

document.addEventListener('todo-assistant-tasks-changed', (e) => {
  for (const change of e.detail.changes) {
    const li = document.createElement('li');
    li.textContent = `${VERBS[change.action] ?? change.action} task ${change.task_id}: ${change.title}`;
    document.getElementById('activity').prepend(li);
  }
  document.getElementById('activity-empty').hidden = true;
});
