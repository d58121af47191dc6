export const en = {
  welcome: {
    title: 'Welcome to Drypp',
    body:
      'Drypp brings your onboarding and learning to you here in Teams, a few minutes at a time. ' +
      'Short lessons, quizzes and reflections arrive in this chat when they are due, and you answer them right in the card.',
    nextSteps:
      'You do not need to do anything now. Your first item arrives here as soon as you are enrolled.',
    myLearningButton: 'My learning',
    helpButton: 'Help',
  },
  help: {
    title: 'What I can do',
    intro: 'Type one of these commands, or use the buttons:',
    commands: [
      { command: 'my learning', description: 'your programs, your progress and what is due next' },
      { command: 'help', description: 'this list' },
    ],
    notUnderstood: 'I did not understand that. Here is what I can do:',
    privacy: 'Your answers are seen only by you, HR and, where a program says so, your manager.',
  },
  myLearning: {
    title: 'My learning',
    emptyTitle: 'Nothing to learn just yet',
    emptyBody:
      'You are not enrolled in any program. When your organisation enrolls you, your first item arrives in this chat.',
    progress: (done: number, total: number) => `${done} of ${total} steps done`,
    nextDue: (date: string) => `Next item due ${date}`,
    status: {
      active: 'In progress',
      completed: 'Completed',
      withdrawn: 'Withdrawn',
      expired: 'Expired',
    },
    unknownProgram: 'A program that is no longer available',
  },
  cardAction: {
    opening: 'Opening…',
    outdated: 'This card is out of date. Type help to see what you can do now.',
  },
  error: {
    title: 'Something went wrong',
    body: 'Drypp could not finish that. Please try again in a moment. If it keeps happening, give this reference to your IT support:',
  },
};
