import type { SmallTalkLanguage } from './types.js';

export const en: SmallTalkLanguage = {
  lang: 'en',
  phrases: {
    greeting: ['hi', 'hii', 'hi there', 'hey there', 'hello there', 'hey', 'heya', 'hiya', 'hello', 'helo', 'hullo', 'howdy', 'yo', 'good morning', 'good afternoon', 'good evening', 'morning', 'greetings', 'hey hey', 'hi hi', 'hello hello', 'anyone there', 'is anyone there', 'is there anyone there', 'is there anybody there', 'is somebody there', 'is someone there', 'anybody there', 'hello anyone there'],
    thanks: ['thanks', 'thank you', 'thankyou', 'thx', 'thnx', 'thks', 'tks', 'ty', 'tysm', 'cheers', 'many thanks', 'thanks a lot', 'thank you so much', 'thank you very much', 'thanks so much', 'thanks very much', 'much appreciated', 'appreciate it', 'i appreciate it', 'no thanks', 'no thank you', 'great thanks', 'perfect thanks', 'ok thanks', 'ok thank you'],
    bye: ['bye', 'bye bye', 'goodbye', 'good bye', 'see you', 'see ya', 'see you later', 'cya', 'take care', 'have a nice day', 'have a good day', 'have a great day', 'good night', 'talk later', 'ttyl'],
    bot: ['are you a bot', 'are you a robot', 'are you a chatbot', 'r u a bot', 'you a bot', 'is this a bot', 'is this a robot', 'am i talking to a bot', 'am i talking to a robot', 'am i chatting with a bot', 'is this automated', 'are you real', 'bot', 'robot'],
    ack: ['ok', 'okay', 'okey', 'k', 'kk', 'okie', 'alright', 'all right', 'fine', 'great', 'cool', 'nice', 'perfect', 'awesome', 'got it', 'i see', 'understood', 'right', 'ok great', 'ok cool', 'sounds good', 'good'],
    howAreYou: ['how are you', 'how r u', 'how are u', 'how are you doing', 'how is it going', 'how s it going', 'hows it going', 'how are things', 'how do you do', 'what s up', 'whats up', 'wassup', 'sup', 'you ok', 'how have you been'],
  },
  fillers: ['there', 'all', 'everyone', 'everybody', 'guys', 'team', 'folks', 'friend', 'again', 'so', 'much', 'very', 'a', 'lot', 'you', 'u', 'ya', 'sir', 'madam', 'mate', 'dear', 'and', 'oh', 'ah', 'well', 'today', 'then'],
  replies: {
    greeting: ['Hello! How can I help you today?', 'Hi there 👋 What can I do for you?', 'Hello! Ask me anything, I am here to help.'],
    thanks: ["You're welcome! Anything else I can help with?", 'Happy to help. Is there anything else?', 'My pleasure! Just ask if you need anything else.'],
    bye: ['Goodbye, and have a lovely day!', 'Bye! Come back any time.', 'Thanks for stopping by. See you soon!'],
    bot: [
      "Yes, I'm the shop's assistant. I answer the common questions straight away, and a person from the team can take over whenever you need.",
      "I'm a bot, yes: I know the answers to the frequent questions. For anything else, a person from the team will reply.",
    ],
    ack: ['Great! Anything else?', "All right. I'm here if you have a question.", 'Good! What else can I do for you?'],
    howAreYou: ["I'm doing well, thanks! How can I help you?", 'All good here, thanks for asking! What can I do for you?', 'Very well, thank you. What is your question?'],
  },
};
