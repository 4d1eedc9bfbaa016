// The help desk page only listens: every change to the visitor's tasks is listed as it happens — those the
// assistant makes, and those made elsewhere (another tab, the REST API), which it hears on its live stream.
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
    const where = e.detail.source === 'remote' ? ' elsewhere' : '';
    li.textContent = `${VERBS[change.action] ?? change.action} task ${change.task_id}${where}: ${change.title}`;
    document.getElementById('activity').prepend(li);
  }
  document.getElementById('activity-empty').hidden = true;
});
